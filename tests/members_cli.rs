//! `smsup members import|export` against a running server.

mod common;

use common::{phone, run_cli, tempdir, Server};

#[tokio::test]
async fn import_invites_adds_and_reports_bad_rows_while_serving() {
    let dir = tempdir();
    let server = Server::start(dir.path(), &[]);
    let c = server.client();
    let owner = phone(1);
    c.ask(&owner, "CREATE clinic").await;
    let db_path = dir.path().join("smsup.db");
    let db = db_path.to_str().unwrap();

    // Invitations: nobody joins without replying.
    let csv = dir.path().join("invite.csv");
    std::fs::write(
        &csv,
        format!(
            "phone,alias,language\n{},Amina,\nnot-a-number,X,\n{},,klingon\n{},Farid,en\n",
            phone(2),
            phone(3),
            phone(4)
        ),
    )
    .unwrap();
    let (ok, out, err) = run_cli(
        &[
            "members",
            "import",
            "clinic",
            csv.to_str().unwrap(),
            "--db",
            db,
        ],
        &[],
    );
    assert!(ok, "{out}{err}");
    assert!(out.contains("2 invited"), "{out}");
    assert!(
        err.contains("line 3: skipped") && err.contains("line 4: skipped"),
        "{err}"
    );
    let invite = c.wait_texts(&phone(2), 1).await;
    assert!(invite[0].contains("JOIN clinic"), "{invite:?}");
    assert_eq!(
        c.ask(&owner, "INFO clinic").await,
        "clinic: 1 member, open. You: owner."
    );
    c.ask(&phone(2), "JOIN clinic").await;
    assert_eq!(
        c.ask(&owner, "clinic open today").await,
        "Sent to 1 member."
    );
    // The organisation's alias is shown on the member's posts.
    c.ask(&phone(2), "clinic thank you").await;
    assert_eq!(
        c.wait_texts(&owner, 4).await[3],
        "[clinic] Amina: thank you"
    );

    // Consented: added at once and told; silent: added, no SMS.
    let csv2 = dir.path().join("consented.csv");
    std::fs::write(&csv2, format!("phone\n{}\n", phone(5))).unwrap();
    let (ok, out, _) = run_cli(
        &[
            "members",
            "import",
            "clinic",
            csv2.to_str().unwrap(),
            "--consented",
            "--db",
            db,
        ],
        &[],
    );
    assert!(ok && out.contains("1 added"), "{out}");
    assert!(c.wait_texts(&phone(5), 1).await[0].contains("added to the SMS list clinic"));
    let csv3 = dir.path().join("silent.csv");
    std::fs::write(&csv3, format!("phone\n{}\n", phone(6))).unwrap();
    let (ok, out, _) = run_cli(
        &[
            "members",
            "import",
            "clinic",
            csv3.to_str().unwrap(),
            "--consented",
            "--silent",
            "--db",
            db,
        ],
        &[],
    );
    assert!(
        ok && out.contains("1 added") && out.contains("0 SMS queued"),
        "{out}"
    );
    assert_eq!(
        c.ask(&owner, "clinic hello all").await,
        "Sent to 3 members."
    );

    // Export: aliases, roles and states; numbers only when asked.
    let (ok, out, _) = run_cli(&["members", "export", "clinic", "--db", db], &[]);
    assert!(ok);
    assert!(
        out.starts_with("label,alias,role,state,language\n"),
        "{out}"
    );
    assert!(out.contains(",Amina,member,active,"), "{out}");
    assert!(out.contains(",Farid,member,invited,en"), "{out}");
    assert!(out.contains(",owner,active,"), "{out}");
    assert!(
        !out.contains(&phone(2)[1..]),
        "no numbers without --numbers"
    );
    let (ok, out, _) = run_cli(
        &["members", "export", "clinic", "--numbers", "--db", db],
        &[],
    );
    assert!(ok && out.contains(&phone(2)), "{out}");

    // An unknown list or a file without a phone column changes nothing.
    let (ok, _, err) = run_cli(
        &[
            "members",
            "import",
            "nolist",
            csv.to_str().unwrap(),
            "--db",
            db,
        ],
        &[],
    );
    assert!(!ok && err.contains("no list named nolist"), "{err}");
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "number\n123\n").unwrap();
    let (ok, _, err) = run_cli(
        &[
            "members",
            "import",
            "clinic",
            bad.to_str().unwrap(),
            "--db",
            db,
        ],
        &[],
    );
    assert!(!ok && err.contains("phone"), "{err}");
}
