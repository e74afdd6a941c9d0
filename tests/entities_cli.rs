//! `sahifa entities` and the entity fields of `list --json`.

use assert_cmd::Command;
use serde_json::Value;

fn json_of(args: &[&str]) -> Value {
    let out = Command::cargo_bin("sahifa")
        .unwrap()
        .env_remove("SAHIFA_CORPUS")
        .env(
            "XDG_STATE_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/home-entities/state"),
        )
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn entities_json_gathers_spellings() {
    let v = json_of(&["entities", "--json"]);
    let all = v.as_array().unwrap();
    let find = |name_part: &str| {
        all.iter()
            .find(|e| {
                e["variants"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|x| x == name_part)
            })
            .unwrap_or_else(|| panic!("no entity {name_part}"))
    };
    let astana = find("أستانا");
    assert_eq!(astana["kind"], "place");
    for spelling in ["آستانة", "أستانة", "الأستانة"] {
        assert!(
            astana["variants"]
                .as_array()
                .unwrap()
                .iter()
                .any(|x| x == spelling),
            "{spelling} not gathered: {astana}"
        );
    }
    assert_eq!(astana["articles"].as_array().unwrap().len(), 5);
    // Where an article names him in full, its لافروف is that full name
    // (see `coreference.rs`): the spellings gathered are his full names'.
    let lavrov = find("سيرغي لافروف");
    assert_eq!(lavrov["name"], find("سيرجي لافروف")["name"]);
    assert_eq!(lavrov["kind"], "person");
    assert_eq!(lavrov["articles"].as_array().unwrap().len(), 5);
    assert!(lavrov["mentions"].as_u64().unwrap() >= 5);
    assert_eq!(
        find("ميخائيل بوغدانوف")["name"],
        find("ميخائيل بوجدانوف")["name"]
    );
    for e in all {
        for key in ["kind", "name", "variants", "articles", "mentions"] {
            assert!(e.get(key).is_some(), "{key} missing in {e}");
        }
    }
}

#[test]
fn kind_filter_and_table() {
    let places = json_of(&["entities", "--kind", "place", "--json"]);
    assert!(places
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["kind"] == "place"));
    let out = Command::cargo_bin("sahifa")
        .unwrap()
        .env_remove("SAHIFA_CORPUS")
        .env(
            "XDG_STATE_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/home-entities/state"),
        )
        .args(["entities", "--kind", "person"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let table = String::from_utf8(out).unwrap();
    let first = table.lines().next().unwrap();
    assert!(
        first.contains("person") && first.contains("لافروف"),
        "most widely mentioned first: {first}"
    );
}

/// The strings of a JSON array field.
fn strings<'a>(record: &'a Value, key: &str) -> Vec<&'a str> {
    record[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect()
}

#[test]
fn list_json_has_persons_and_places() {
    let v = json_of(&["list", "--json"]);
    let articles = v.as_array().unwrap();
    let places = strings(&articles[4], "places");
    let persons = strings(&articles[4], "persons");
    assert!(
        places.contains(&"حلب") && places.contains(&"تدمر"),
        "{places:?}"
    );
    assert!(persons.contains(&"فلاديمير بوتين"), "{persons:?}");
    let places2 = strings(&articles[2], "places");
    assert!(
        !places2.contains(&"حلب"),
        "خالد الحلبي is a person, not Aleppo: {places2:?}"
    );
}
