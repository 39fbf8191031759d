-- Closing a year: an exemplar goes on into the campaign's next year as a card of that
-- year, linked to the card it came from (whose year's records stay with it). A card is
-- carried over once. Never edit once applied.

ALTER TABLE nominations ADD COLUMN carried_from BIGINT REFERENCES nominations (id);
CREATE UNIQUE INDEX nominations_carried_from ON nominations (carried_from)
    WHERE carried_from IS NOT NULL;
