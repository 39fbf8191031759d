//! Account administration over HTTP: authorised, validated, versioned, audited.

use crate::common;

use app::api::account::ChangePassword;
use app::api::admin::{
    CreateAccount, GetOrganisation, ListAccounts, ResetPassword, SaveBloc, SaveUnit,
    SetCouncilSeat, UpdateAccount,
};
use app::types::model::AccountFields;
use common::{spawn_app, TestApp, DEMO_PASSWORD};
use serde_json::Value;
use shared::auth::Role;

fn fields(unit_id: Option<i64>, roles: &[Role], active: bool) -> AccountFields {
    AccountFields {
        display_name: "Nguyễn Thị Mới".into(),
        position: "Chuyên viên".into(),
        unit_id,
        roles: roles.iter().copied().collect(),
        active,
    }
}

async fn unit_id(app: &TestApp, code: &str) -> i64 {
    let pool = app.pool().await;
    let id: i64 = sqlx::query_scalar("SELECT id FROM units WHERE code = $1")
        .bind(code)
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    id
}

#[tokio::test]
async fn only_administrators_manage_accounts() {
    let app = spawn_app().await;
    let office = app.login("office").await;
    let (status, _) = app
        .call_fn(
            &office,
            CreateAccount {
                username: "moi.tao".into(),
                fields: fields(None, &[Role::Leadership], true),
                password: "mật khẩu đủ dài".into(),
            },
        )
        .await;
    assert_eq!(status, 403);
    let resp = app
        .request_fn(&office, &ListAccounts {})
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 403);
    app.stop().await;
}

#[tokio::test]
async fn an_administrator_creates_an_account_that_can_sign_in() {
    let app = spawn_app().await;
    let admin = app.login("admin").await;
    let unit = unit_id(&app, "CCTS").await;
    let body = CreateAccount {
        username: "Staff2.CCTS".into(),
        fields: fields(Some(unit), &[Role::UnitStaff], true),
        password: "mật khẩu đủ dài".into(),
    };
    let (status, created) = app.call_fn(&admin, body.clone()).await;
    assert_eq!(status, 200, "{created}");
    assert_eq!(created["username"], "staff2.ccts");
    assert_eq!(created["version"], 1);
    let (status, _) = app.call_fn(&admin, body).await;
    assert_eq!(status, 409, "the username is taken");
    let resp = app.try_login("staff2.ccts", "mật khẩu đủ dài").await;
    assert_eq!(resp.status().as_u16(), 204);
    app.stop().await;
}

#[tokio::test]
async fn bad_input_is_refused_with_every_reason_and_nothing_is_saved() {
    let app = spawn_app().await;
    let admin = app.login("admin").await;
    let body = CreateAccount {
        username: "có dấu".into(),
        fields: AccountFields {
            display_name: " ".into(),
            position: "".into(),
            unit_id: None,
            roles: [Role::UnitHead].into(),
            active: true,
        },
        password: "ngắn".into(),
    };
    let (status, err) = app.call_fn(&admin, body).await;
    assert_eq!(status, 400);
    let text = err.to_string();
    for needle in [
        "Tên đăng nhập",
        "họ và tên",
        "đơn vị",
        "Mật khẩu cần ít nhất 12 ký tự",
    ] {
        assert!(text.contains(needle), "{needle} in {text}");
    }
    let pool = app.pool().await;
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE display_name = ' '")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(n, 0);
    app.stop().await;
}

#[tokio::test]
async fn a_stale_edit_is_a_conflict_naming_who_changed_it() {
    let app = spawn_app().await;
    let admin = app.login("admin").await;
    let pool = app.pool().await;
    let (id, version): (i64, i64) =
        sqlx::query_as("SELECT id, version FROM users WHERE username = 'staff.cctt'")
            .fetch_one(&pool)
            .await
            .unwrap();
    let unit = unit_id(&app, "CCTT").await;
    let edit = |v: i64, roles: &[Role]| UpdateAccount {
        id,
        version: v,
        fields: fields(Some(unit), roles, true),
    };
    let (status, first) = app
        .call_fn(&admin, edit(version, &[Role::UnitStaff, Role::UnitHead]))
        .await;
    assert_eq!(status, 200, "{first}");
    assert_eq!(first["version"], version + 1);
    let (status, err) = app.call_fn(&admin, edit(version, &[Role::UnitStaff])).await;
    assert_eq!(status, 409);
    assert_eq!(err["Conflict"]["by"], "admin", "{err}");
    let roles: Vec<(String,)> =
        sqlx::query_as("SELECT role FROM user_roles WHERE user_id = $1 ORDER BY role")
            .bind(id)
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(roles.len(), 2, "the stale write did not win");
    let audited: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'account_updated' AND object_id = 'staff.cctt' AND before IS NOT NULL").fetch_one(&pool).await.unwrap();
    assert_eq!(
        audited, 1,
        "one accepted change, recorded with before and after"
    );
    pool.close().await;
    app.stop().await;
}

#[tokio::test]
async fn disabling_or_resetting_a_password_ends_the_accounts_sessions() {
    let app = spawn_app().await;
    let admin = app.login("admin").await;
    let victim = app.login("staff1").await;
    let pool = app.pool().await;
    let (id, version, unit): (i64, i64, i64) =
        sqlx::query_as("SELECT id, version, unit_id FROM users WHERE username = 'staff1'")
            .fetch_one(&pool)
            .await
            .unwrap();

    let (status, reset) = app
        .call_fn(
            &admin,
            ResetPassword {
                id,
                version,
                password: "một mật khẩu mới".into(),
            },
        )
        .await;
    assert_eq!(status, 200, "{reset}");
    assert_eq!(
        app.get_as(&victim, "/board").await.status().as_u16(),
        303,
        "session ended"
    );
    assert_eq!(
        app.try_login("staff1", DEMO_PASSWORD)
            .await
            .status()
            .as_u16(),
        401
    );
    let again = app.login_with("staff1", "một mật khẩu mới").await;

    let v = reset["version"].as_i64().unwrap();
    let (status, _) = app
        .call_fn(
            &admin,
            UpdateAccount {
                id,
                version: v,
                fields: fields(Some(unit), &[Role::UnitStaff], false),
            },
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        app.get_as(&again, "/board").await.status().as_u16(),
        303,
        "disabled: session ended"
    );
    assert_eq!(
        app.try_login("staff1", "một mật khẩu mới")
            .await
            .status()
            .as_u16(),
        403
    );
    pool.close().await;
    app.stop().await;
}

#[tokio::test]
async fn an_administrator_cannot_lock_themselves_out() {
    let app = spawn_app().await;
    let admin = app.login("admin").await;
    let pool = app.pool().await;
    let (id, version): (i64, i64) =
        sqlx::query_as("SELECT id, version FROM users WHERE username = 'admin'")
            .fetch_one(&pool)
            .await
            .unwrap();
    let (status, _) = app
        .call_fn(
            &admin,
            UpdateAccount {
                id,
                version,
                fields: fields(None, &[Role::Admin], false),
            },
        )
        .await;
    assert_eq!(status, 400);
    pool.close().await;
    app.stop().await;
}

#[tokio::test]
async fn a_user_changes_their_own_password_and_signs_in_again() {
    let app = spawn_app().await;
    let cookie = app.login("head1").await;
    let change = |current: &str, new: &str| {
        app.request_fn(
            &cookie,
            &ChangePassword {
                current: current.into(),
                new: new.into(),
            },
        )
        .send()
    };
    let wrong = change("not my password", "một mật khẩu mới").await.unwrap();
    assert_eq!(wrong.status().as_u16(), 400);
    assert!(wrong
        .text()
        .await
        .unwrap()
        .contains("Mật khẩu hiện tại không đúng."));
    let short = change(DEMO_PASSWORD, "ngắn").await.unwrap();
    assert_eq!(short.status().as_u16(), 400);
    let ok = change(DEMO_PASSWORD, "một mật khẩu mới").await.unwrap();
    assert_eq!(ok.status().as_u16(), 200);
    assert_eq!(
        app.get_as(&cookie, "/board").await.status().as_u16(),
        303,
        "the session ended"
    );
    app.login_with("head1", "một mật khẩu mới").await;
    app.stop().await;
}

async fn ids(app: &TestApp, sql: &'static str) -> (i64, i64) {
    let pool = app.pool().await;
    let r: (i64, i64) = sqlx::query_as(sql).fetch_one(&pool).await.unwrap();
    pool.close().await;
    r
}

#[tokio::test]
async fn blocs_and_units_are_edited_with_their_rules() {
    let app = spawn_app().await;
    let admin = app.login("admin").await;
    let (k1, k1_version) = ids(&app, "SELECT id, version FROM blocs WHERE code = 'K1'").await;
    let (vp, _) = ids(&app, "SELECT id, version FROM units WHERE code = 'VP'").await;
    let (cctt, cctt_version) = ids(&app, "SELECT id, version FROM units WHERE code = 'CCTT'").await;

    // D-2: the head unit of a bloc is one of its own units.
    let k1_bloc = |name: &str, head_unit_id: i64| SaveBloc {
        id: Some(k1),
        version: k1_version,
        code: "K1".into(),
        name: name.into(),
        head_unit_id: Some(head_unit_id),
    };
    let (status, err) = app.call_fn(&admin, k1_bloc("Khối các Chi cục", vp)).await;
    assert_eq!(status, 400, "{err}");
    assert!(err.to_string().contains("D-2"));
    let (status, _) = app.call_fn(&admin, k1_bloc("Khối các Chi cục", cctt)).await;
    assert_eq!(status, 200);
    let (status, err) = app.call_fn(&admin, k1_bloc("Tên cũ", cctt)).await;
    assert_eq!(status, 409, "stale: {err}");

    let new_unit = |code: &str, name: &str| SaveUnit {
        id: None,
        version: 0,
        code: code.into(),
        name: name.into(),
        bloc_id: k1,
    };
    let (status, _) = app.call_fn(&admin, new_unit("ccmoi", "Chi cục Mới")).await;
    assert_eq!(status, 200);
    let (status, _) = app.call_fn(&admin, new_unit("CCMOI", "Trùng mã")).await;
    assert_eq!(status, 409, "codes are unique");
    let (status, err) = app.call_fn(&admin, new_unit("có dấu", " ")).await;
    assert_eq!(status, 400);
    assert!(err.to_string().contains("Mã"), "{err}");
    // The head unit of K1 cannot move to another bloc.
    let (k2, _) = ids(&app, "SELECT id, version FROM blocs WHERE code = 'K2'").await;
    let (status, _) = app
        .call_fn(
            &admin,
            SaveUnit {
                id: Some(cctt),
                version: cctt_version,
                code: "CCTT".into(),
                name: "Chi cục Trồng trọt".into(),
                bloc_id: k2,
            },
        )
        .await;
    assert_eq!(status, 400);

    let pool = app.pool().await;
    let actions: Vec<(String,)> = sqlx::query_as(
        "SELECT action FROM audit_log WHERE action IN ('bloc_updated', 'unit_created') ORDER BY id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(actions.len(), 2, "one audit entry per accepted change");
    pool.close().await;
    app.stop().await;
}

#[tokio::test]
async fn council_seats_are_set_per_campaign_and_audited() {
    let app = spawn_app().await;
    let admin = app.login("admin").await;
    let (head1, _) = ids(&app, "SELECT id, 0 FROM users WHERE username = 'head1'").await;
    let council_seat = |member: bool| SetCouncilSeat {
        user_id: head1,
        member,
    };
    let (status, _) = app.call_fn(&admin, council_seat(true)).await;
    assert_eq!(status, 200);
    let resp = app
        .request_fn(&admin, &GetOrganisation {})
        .send()
        .await
        .unwrap();
    let org: Value = resp.json().await.unwrap();
    let seat = org["council"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["username"] == "head1")
        .unwrap()
        .clone();
    assert_eq!(seat["member"], true);
    let members = org["council"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["member"] == true)
        .count();
    assert_eq!(members, 8, "the 7 demo members and head1");
    let (status, _) = app.call_fn(&admin, council_seat(false)).await;
    assert_eq!(status, 200);
    let office = app.login("office").await;
    let (status, _) = app.call_fn(&office, council_seat(true)).await;
    assert_eq!(status, 403);
    let pool = app.pool().await;
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action IN ('council_seated', 'council_unseated') AND object_id = 'head1'").fetch_one(&pool).await.unwrap();
    assert_eq!(n, 2);
    pool.close().await;
    app.stop().await;
}

#[tokio::test]
async fn a_council_member_cannot_hold_the_office_or_admin_role() {
    let app = spawn_app().await;
    let admin = app.login("admin").await;
    let pool = app.pool().await;
    let count = || async {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM user_roles")
            .fetch_one(&pool)
            .await
            .unwrap()
    };
    let before = count().await;
    // A new account that would both score blind and read the totals: refused.
    let (status, body) = app
        .call_fn(
            &admin,
            CreateAccount {
                username: "hoidong.vp".into(),
                fields: fields(None, &[Role::CouncilMember, Role::CouncilOffice], true),
                password: "một mật khẩu dài đủ".into(),
            },
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(
        body.to_string()
            .contains("Thành viên Hội đồng không thể đồng thời"),
        "{body}"
    );
    // A seated member made an administrator: refused, their roles as they were.
    let (id, version): (i64, i64) =
        sqlx::query_as("SELECT id, version FROM users WHERE username = 'council7'")
            .fetch_one(&pool)
            .await
            .unwrap();
    let (status, body) = app
        .call_fn(
            &admin,
            UpdateAccount {
                id,
                version,
                fields: fields(None, &[Role::CouncilMember, Role::Admin], true),
            },
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(count().await, before, "nothing saved");
    pool.close().await;
    app.stop().await;
}
