//! Where names start and end in sentences written for the purpose: the
//! boundary rules around the tagger (compound names, coordinated names, a
//! verb after a name, a place before one), through the built-in extractor.

use sahifa::entities::{Extractor, Kind};

/// The persons and places found in one sentence, as written.
fn names(sentence: &str) -> (Vec<String>, Vec<String>) {
    let extractor = Extractor::builtin().unwrap();
    let found = extractor.article(&["", sentence]);
    let of = |kind: Kind| {
        found
            .mentions
            .iter()
            .filter(|m| m.kind == kind)
            .map(|m| sentence[m.range.clone()].to_owned())
            .collect()
    };
    (of(Kind::Person), of(Kind::Place))
}

#[test]
fn name_boundaries() {
    let cases: &[(&str, &[&str], &[&str])] = &[
        // A compound name does not stop on its connector.
        (
            "وقال الوزير محمد عبد الرحمن إن الاجتماع انتهى.",
            &["محمد عبد الرحمن"],
            &[],
        ),
        // A word of the grammar alone is no name ("told me").
        (
            "وقال لي الوزير إن الاتفاق سيوقع اليوم.",
            &[],
            &[],
        ),
        // Two names joined by و are two persons.
        (
            "وشارك في الندوة ماهر زغلول وبسام الحموري وعبير الخطيب.",
            &["ماهر زغلول", "وبسام الحموري", "وعبير الخطيب"],
            &[],
        ),
        // Two places joined by و are two places, tagged or carried on from
        // earlier in the article; one the gazetteer knows whole stays whole.
        (
            "انعقدت المؤتمرات في أوسلو ولندن في عام 1943، ثم في البوسنة والهرسك.",
            &[],
            &["أوسلو", "ولندن", "البوسنة والهرسك"],
        ),
        (
            "وسيعرض الفيلم قريبا في أنقرة وروما .",
            &[],
            &["أنقرة", "وروما"],
        ),
        // The nisba after a title belongs to the title, not to the name.
        (
            "وأجرى اتصالا مع الرئيس الكازاخستاني نور سلطان نزارباييف والأوزبكي شوكت ميرضيائيف.",
            &["نور سلطان نزارباييف", "شوكت ميرضيائيف"],
            &[],
        ),
        // A given name shaped like a nisba but without the article is the
        // name's, not the title's adjective.
        (
            "وصرح العميد تركي المالكي بأن العمليات مستمرة.",
            &["تركي المالكي"],
            &[],
        ),
        // A town GeoNames knows by a word no dictionary lists is a place
        // anywhere; one the dictionary lists, where a place stands (إلى,
        // coordinated with a place); not a word of the language elsewhere.
        (
            "وزار الوفد القطيف والأحساء، ثم عاد إلى حائل ونجران.",
            &[],
            &["القطيف", "والأحساء", "حائل", "ونجران"],
        ),
        ("وذكر الخبر أن حائلا دون الاتفاق قد زال.", &[], &[]),
        // Gulf news: a given name, بن or بنت and a name is a person even
        // when its first word is also a word (حصة "share"); a nisba before
        // بن is a given name (تركي); ولي العهد is the prince's title, not
        // his name's end.
        (
            "وحضرت الأميرة حصة بنت سلمان، والأمير تركي بن طلال، والأمير محمد بن نايف ولي ولي العهد.",
            &["حصة بنت سلمان", "تركي بن طلال", "محمد بن نايف"],
            &[],
        ),
        // The tagger's halves of one name, either side of بنت, are one.
        ("وقالت الأميرة نورة بنت محمد إن الحملة بدأت.", &["نورة بنت محمد"], &[]),
        // A person inside the name of an institution, a prize or a contest
        // is no mention of the person, even once the article has named him.
        (
            "أكد الملك سلمان بن عبدالعزيز آل سعود دعم جامعة الملك سعود وجمعية الملك عبدالعزيز ودوري عبداللطيف جميل.",
            &["سلمان بن عبدالعزيز آل سعود"],
            &[],
        ),
        // A regnal number belongs to the name of the king or pope before it.
        (
            "وزار البابا يوحنا بولس الثاني دمشق، وقاد لويس التاسع الحملة.",
            &["يوحنا بولس الثاني", "لويس التاسع"],
            &["دمشق"],
        ),
        // A word of running text after a preposition ends a name, however
        // rarely that form was seen.
        (
            "وأشاد الشيخ ثاني بن جاسم بنادي السد بعد المباراة.",
            &["ثاني بن جاسم"],
            &[],
        ),
        // A verb after a name is not its surname.
        (
            "مدحت صالح يغني في القاهرة الليلة.",
            &["مدحت صالح"],
            &["القاهرة"],
        ),
        ("طلال سلمان يكتب عن الصحافة اللبنانية.", &["طلال سلمان"], &[]),
        // A withheld surname's initial stays with the name.
        ("وقال هشام ل. إنه لم يشاهد شيئا.", &["هشام ل."], &[]),
        // A country opens no name, even with no preposition before it.
        (
            "وقالت إسرائيل إيهود أولمرت سيزور القاهرة.",
            &["إيهود أولمرت"],
            &["إسرائيل", "القاهرة"],
        ),
        // A place behind a preposition opens no name.
        (
            "وصل مبعوث الأمم المتحدة إلى سورية ستافان دي ميستورا أمس.",
            &["ستافان دي ميستورا"],
            &["سورية"],
        ),
        // A person or place inside an organisation's name is no mention of it.
        (
            "وفاز نادي ريال مدريد على منافسه في العاصمة الإسبانية.",
            &[],
            &[],
        ),
        ("وتخرج في جامعة الملك سعود قبل عامين.", &[], &[]),
        // A country named like its nisba is an adjective after a feminine
        // definite noun, and a place elsewhere.
        ("وقال إن الرواية السعودية تشهد نهضة.", &[], &[]),
        // Broken plurals take the feminine adjective too.
        (
            "وارتفعت الأسهم السعودية، وتراجعت الأسواق السعودية والبنوك السعودية.",
            &[],
            &[],
        ),
        ("وبحث المؤتمر القضايا العربية في المدارس الأهلية.", &[], &[]),
        (
            "وزار الوفد السعودية، وقالت الحكومة السعودية إن المملكة العربية السعودية ترحب.",
            &[],
            &["السعودية", "المملكة العربية السعودية"],
        ),
        // A place's name with an article it is not listed with is a word
        // of running text: السيول "the floods", not Seoul; a country some
        // write with the article stays a place.
        ("وحذر الدفاع المدني من السيول في الأودية.", &[], &[]),
        ("ونشرت الصحيفة الصور على موقعها.", &[], &[]),
        ("وشهدت السوق المالي تراجعا حادا.", &[], &[]),
        // A title of several words is no person (خادم is also a given name).
        (
            "وقال خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز إن المملكة ماضية في الإصلاح.",
            &["سلمان بن عبدالعزيز"],
            &[],
        ),
        // A building or a street named for someone is no mention of them;
        // a place after one stays a place.
        (
            "وصلى المصلون في مسجد أحمد بن طولون بالقاهرة.",
            &[],
            &["بالقاهرة"],
        ),
        ("ويقع الفندق في شارع الملك فهد وسط المدينة.", &[], &[]),
        // Halls, medals and chairs named for someone; a road or a cup only
        // before a title, for عن طريق is "by way of" and بطولة "starring".
        ("وسيقام الحفل بقاعة الملك فيصل للمؤتمرات.", &[], &[]),
        (
            "وحصل الفريق المتقاعد على وسام الملك عبدالعزيز من الدرجة الممتازة.",
            &[],
            &[],
        ),
        (
            "وتشهد مدينة جدة افتتاح مهرجان جدة التاريخية على طريق الملك عبدالعزيز.",
            &[],
            &["جدة", "جدة"],
        ),
        (
            "وقال رئيس نادي الهلال محمد بن فيصل إن الفريق جاهز.",
            &["محمد بن فيصل"],
            &[],
        ),
        // A place named with the article, behind a preposition that
        // carries the article (بالرياض, للقاهرة), is that place.
        (
            "وعقد المجلس جلسته في قصر اليمامة بالرياض برئاسة الملك.",
            &[],
            &["بالرياض"],
        ),
        ("ووصل الوفد للقاهرة أمس.", &[], &["للقاهرة"]),
        // An organisation's head with the article is in no construct: the
        // name after it is a person in apposition, not the club's name.
        (
            "فيما قال مدرب الفريق سامي الجابر إن اللاعبين متحمسون.",
            &["سامي الجابر"],
            &[],
        ),
        (
            "وقال مدير الجامعة الدكتور بدران الشهري إن الجامعة تقدمت.",
            &["بدران الشهري"],
            &[],
        ),
        // A noun in construct with a place is an office, not a surname.
        (
            "وحضر الاستقبال الأمير مشعل بن ماجد محافظ جدة.",
            &["مشعل بن ماجد"],
            &["جدة"],
        ),
        // A family name with the article that Wikidata's people bear stays
        // on the name, however common the word is in running text.
        (
            "وقال الأمين العام علي الصالح إن المجلس سيجتمع.",
            &["علي الصالح"],
            &[],
        ),
        // A surname the article named in full is found again with the
        // article, whose ل is no preposition.
        (
            "وأشاد الأمير خالد الفيصل بجهود الأجهزة. وكان الفيصل قد افتتح المعرض.",
            &["خالد الفيصل", "الفيصل"],
            &[],
        ),
        // After a common given name, any such word the tagger kept.
        (
            "وقال المحلل محمد السلطان إن السوق تأثر.",
            &["محمد السلطان"],
            &[],
        ),
        (
            "وقال مراسل وكالة فرانس برس في بيروت إن الوضع هادئ.",
            &[],
            &["بيروت"],
        ),
        // After عبد, ابو, بن the next word is the name's, however common
        // it is in running text; a connector the name cannot carry on from
        // is dropped; a connector after the name carries it on.
        (
            "وأكد محمد عبد الواحد أن الفريق جاهز.",
            &["محمد عبد الواحد"],
            &[],
        ),
        (
            "وحضر اللقاء محمد لمين ولد سلامة ممثلا عن الحكومة.",
            &["محمد لمين ولد سلامة"],
            &[],
        ),
        // على ("on") is not the name علي, nor is what follows it a name.
        (
            "ويمكن على سبيل المثال أن تستخدم الطاقة في المصانع.",
            &[],
            &[],
        ),
        // آبي is a surname here, not the connector ابي.
        (
            "التقى رئيس الوزراء الياباني شينزو آبي في طوكيو.",
            &["شينزو آبي"],
            &["طوكيو"],
        ),
        // A place the gazetteer knows by several words is found whole,
        // longest first: not cut to a part, missed, or taken for a person.
        ("وصل الوفد إلى جنوب أفريقيا أمس.", &[], &["جنوب أفريقيا"]),
        ("وقعت الحادثة في بوينس آيرس أمس.", &[], &["بوينس آيرس"]),
        (
            "وانتقل اللاعب إلى لوس أنجلوس ثم إلى ريو دي جانيرو.",
            &[],
            &["لوس أنجلوس", "ريو دي جانيرو"],
        ),
        (
            "وعاد الوزير من الدار البيضاء وأبو ظبي.",
            &[],
            &["الدار البيضاء", "وأبو ظبي"],
        ),
        // ... but not where its words are running text, with nothing
        // tagged: أمام صاحب is also a town in Afghanistan.
        ("ووقف الرجل أمام صاحب المحل طويلا.", &[], &[]),
        // ... but not where it is part of an organisation's name.
        ("وقالت صحيفة لوس أنجلوس تايمز إن المفاوضات توقفت.", &[], &[]),
        // أبا, the accusative of أبو and the start of families' names,
        // binds to the word after it.
        (
            "وقال مدير الجامعة الدكتور سليمان أبا الخيل إن الجامعة تتطور.",
            &["سليمان أبا الخيل"],
            &[],
        ),
        // A form of address opens no name.
        (
            "وقال الكابتن لويس فيجو إن الفريق جاهز.",
            &["لويس فيجو"],
            &[],
        ),
        // A given name, آل and a family's name is a name the tagger
        // need not know; a contest named for someone mentions no one.
        (
            "وحضر المباراة رئيس الهيئة العامة للرياضة تركي آل الشيخ.",
            &["تركي آل الشيخ"],
            &[],
        ),
        (
            "وتنطلق غدا منافسات دوري كأس الأمير محمد بن سلمان للمحترفين.",
            &[],
            &[],
        ),
        // A ruler's title in construct with a place after a name is the
        // next apposition's office, and the title before it no name's.
        (
            "وبعث برقية تهنئة إلى السلطان قابوس بن سعيد سلطان عمان، وأخرى إلى أمير الكويت.",
            &["قابوس بن سعيد"],
            &["عمان", "الكويت"],
        ),
        // A building's head with the article ends a name the tagger ran
        // on into the place visited.
        (
            "وزار أمير المنطقة الأمير سلمان بن سلطان المسجد النبوي، واطلع على مشروعات التوسعة.",
            &["سلمان بن سلطان"],
            &[],
        ),
        // A city before a common given name ends an office; it is no
        // part of the name.
        (
            "وأوضح مدير تعليم جدة عبدالله الثقفي أن الدراسة تبدأ الأحد.",
            &["عبدالله الثقفي"],
            &["جدة"],
        ),
        // Saudi governorates GeoNames names in Latin letters only, and one
        // it writes with a left-to-right mark.
        (
            "ووصل الوفد إلى محافظة القنفذة قادما من حفر الباطن.",
            &[],
            &["القنفذة", "حفر الباطن"],
        ),
        // A town GeoNames lists without the article (سعيدة, Saïda) is a
        // word where the text gives it one: "the happy land".
        ("وقال إن هذه البلاد السعيدة تضم البادية والحاضرة.", &[], &[]),
        // The plural of a division's word opens a list of them; a
        // feminine noun without ة takes a country's adjective.
        (
            "وتهطل أمطار رعدية على مناطق جازان وعسير ونجران والباحة.",
            &[],
            &["جازان", "وعسير", "ونجران", "والباحة"],
        ),
        // In such a list a town that is also a common word is the town
        // (الوجه "the face", حقل "field"); outside it, the word.
        (
            "وتشمل المشروعات محافظات تبوك وضباء والوجه وأملج وحقل.",
            &[],
            &["تبوك", "وضباء", "والوجه", "وأملج", "وحقل"],
        ),
        ("وقال إن الوجه الآخر للأزمة اقتصادي.", &[], &[]),
        ("وانخفض مؤشر السوق السعودية بنسبة 1.2 في المئة.", &[], &[]),
        // A place in a contest's name is no mention of it.
        (
            "وتأهل الهلال إلى نهائي دوري أبطال آسيا وفاز المنتخب بكأس الخليج في الكويت.",
            &[],
            &["الكويت"],
        ),
        // A place coordinated after a town is evidence for it too.
        (
            "وأوضح أن الجهات الأمنية في الخبر والظهران والجبيل تواصل حملاتها.",
            &[],
            &["الخبر", "والظهران", "والجبيل"],
        ),
    ];
    let mut failures = Vec::new();
    for (sentence, persons, places) in cases {
        let (p, l) = names(sentence);
        if p != *persons || l != *places {
            failures.push(format!("{sentence}\n  persons {p:?}\n  places  {l:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Analyzes articles (one paragraph each) as one corpus; returns each
/// entity's kind, canonical name and number of articles.
fn corpus(bodies: &[&str]) -> Vec<(Kind, String, usize)> {
    use sahifa::corpus::Article;
    let extractor = Extractor::builtin().unwrap();
    let articles: Vec<Article> = bodies
        .iter()
        .enumerate()
        .map(|(i, b)| Article::from_text(format!("{i}"), String::new(), vec![b.to_string()]))
        .collect();
    sahifa::entities::analyze(&articles, &extractor)
        .entities
        .into_vec()
        .into_iter()
        .map(|e| (e.kind, e.name, e.articles.len()))
        .collect()
}

/// The names of the entities of one kind that [`corpus`] found.
fn of_kind(found: &[(Kind, String, usize)], kind: Kind) -> Vec<&str> {
    found
        .iter()
        .filter(|e| e.0 == kind)
        .map(|e| e.1.as_str())
        .collect()
}

#[test]
fn homographs_of_places_need_a_place_around_them() {
    // كيف is "how" far more often than Kyiv; the article form of a place is
    // no spelling of it unless listed (المالي is "financial", الصور "the
    // pictures").
    let (_, places) = names("وسأل الصحفي كيف تغيرت الأوضاع في المجال المالي ونشرت الصور.");
    assert!(places.is_empty(), "{places:?}");
    let (_, places) = names("وصل الوفد إلى كيف قادما من وارسو.");
    assert!(places.contains(&"كيف".to_owned()), "{places:?}");
    let (_, places) = names("وقعت الاشتباكات في شمال مالي أمس.");
    assert_eq!(places, ["مالي"]);
    // The bare form of a place named with the article is a word of the
    // language: رياض الأطفال (kindergartens) is not الرياض, in the article
    // or across the corpus.
    let (_, places) = names("وصل الوزير إلى الرياض لافتتاح برنامج رياض الأطفال.");
    assert_eq!(places, ["الرياض"]);
    let found = corpus(&[
        "وصل الوزير إلى الرياض أمس.",
        "وعاد الوفد إلى الرياض أمس.",
        "افتتحت الوزارة برنامج رياض الأطفال.",
    ]);
    let places: Vec<_> = found.iter().filter(|e| e.0 == Kind::Place).collect();
    assert!(
        places.iter().all(|e| e.1 == "الرياض" && e.2 == 2),
        "{places:?}"
    );
}

#[test]
fn regions_and_towns_named_by_common_words_need_a_place_around_them() {
    // عسير is also "difficult": a place after منطقة, a word elsewhere; a
    // town coordinated with it is a place too, and named without the و.
    let (_, places) = names("وتتوقع الأرصاد أمطارا على منطقة عسير والباحة.");
    assert_eq!(places, ["عسير", "والباحة"]);
    let (_, places) = names("ويمر الاقتصاد بوضع عسير هذا العام.");
    assert!(places.is_empty(), "{places:?}");
    let found = corpus(&["وتتوقع الأرصاد أمطارا على منطقة عسير والباحة."]);
    let places = of_kind(&found, Kind::Place);
    assert!(places.contains(&"الباحة"), "{places:?}");
    // So are Saudi governorates: فرسان is also "knights", الحريق "the
    // fire".
    let (_, places) = names("وزار الأمير محافظة فرسان ثم محافظة الحريق.");
    assert_eq!(places, ["فرسان", "الحريق"]);
    let (_, places) = names("وتحدث فرسان الفروسية عن الحريق الذي اندلع أمس.");
    assert!(places.is_empty(), "{places:?}");
    // After a word for a town in construct, a town's name is one even if
    // the training text saw it only as a word (الطائف only in اتفاق
    // الطائف, tagged O); that makes no later الخبر "the news" a place.
    let (_, places) = names("وزار الوفد محافظة الطائف ثم مدينة الخبر حيث قرأ الخبر في الصحيفة.");
    assert_eq!(places, ["الطائف", "الخبر"]);
}

#[test]
fn the_crown_princes_title_alone_is_no_person() {
    let extractor = Extractor::builtin().unwrap();
    let found = extractor.article(&[
        "خادم الحرمين يستقبل ولي العهد",
        "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز في جدة الأمير محمد بن نايف ولي العهد.",
    ]);
    let alone: Vec<&Vec<String>> = found
        .mentions
        .iter()
        .filter(|m| m.kind == Kind::Person && m.norms.len() == 1)
        .map(|m| &m.norms)
        .collect();
    assert!(alone.is_empty(), "{alone:?}");
}

#[test]
fn a_surname_goes_to_the_full_name_of_its_own_article() {
    // Two of a family in two articles, each named in full and then by
    // surname, and the surname alone in a third: the surname gathers no
    // one's articles but its own.
    let found = corpus(&[
        "وقال محمد العمري إن الطرق مغلقة. وأضاف العمري أن العمل مستمر.",
        "وقال سعيد العمري إن الطرق مغلقة. وأضاف العمري أن العمل مستمر.",
        "وأضاف العمري أن العمل مستمر.",
    ]);
    let count = |name: &str| found.iter().find(|e| e.1 == name).map(|e| e.2);
    assert_eq!(count("محمد العمري"), Some(1), "{found:?}");
    assert_eq!(count("سعيد العمري"), Some(1), "{found:?}");
    assert_eq!(count("العمري"), Some(1), "{found:?}");
    // A given name alone is no kunya's: محمد is not أبو محمد.
    let found = corpus(&[
        "وقال أبو محمد إن الطرق مغلقة.",
        "وقال محمد الشهري إن الفريق جاهز، وقال محمد إن المباراة صعبة.",
    ]);
    assert!(found.iter().all(|e| e.2 == 1), "{found:?}");
}

#[test]
fn names_keep_their_first_letters_when_clustered() {
    // و, ب and ف that open وليد, باري and فادي are the names' own letters,
    // however common يد ("hand") is.
    let found = corpus(&[
        "وقال وزير الخارجية وليد المعلم إن المحادثات مستمرة.",
        "وصرح وليد المعلم للصحفيين بأن الوفد سيعود.",
        "وأضاف المعلم أن يد الحكومة ممدودة.",
    ]);
    let persons = of_kind(&found, Kind::Person);
    assert!(persons.contains(&"وليد المعلم"), "{persons:?}");
    assert!(!persons.iter().any(|p| p.starts_with("يد")), "{persons:?}");
    // A first word a name list holds whole keeps its ك, however often the
    // corpus writes ريم alone.
    let found = corpus(&[
        "وسجل الفرنسي كريم بنزيمة هدفين في المباراة.",
        "وغنت ريم في الحفل، وحضرت ريم حفلا آخر.",
        "وأشاد المدرب بأداء ريم في المسابقة.",
    ]);
    let persons = of_kind(&found, Kind::Person);
    assert!(persons.contains(&"كريم بنزيمة"), "{persons:?}");
}

#[test]
fn alef_maksura_keeps_names_apart_from_words() {
    use sahifa::entities::known::name_key;
    assert_eq!(name_key("على", "علي"), "على");
    assert_eq!(name_key("علي", "علي"), "علي");
    assert_eq!(name_key("وعلى", "وعلي"), "على");
    assert_ne!(name_key("منى", "مني"), name_key("مني", "مني"));
    // A person علي found in one article is not found again in every على.
    let found = corpus(&[
        "والتقى الرئيس علي عبد الله صالح بالوفد، وقال علي إن الحوار مستمر.",
        "وأكد علي عبد الله صالح أن اليمن موحد.",
        "وأكد الوزير على ضرورة الحوار وعلى أهمية الاتفاق.",
    ]);
    for (kind, name, n) in &found {
        assert!(
            !(name.ends_with("على") || *kind == Kind::Person && name == "علي" && *n > 2),
            "{found:?}"
        );
    }
}

#[test]
fn corpus_names_spread_only_on_evidence() {
    use sahifa::entities::{known_set, NameTally};
    let mut tally = NameTally::default();
    // Tagged a person in 40 articles, standing untagged in 10: a name.
    tally.insert("بوتين".into(), [40, 0, 10]);
    // Tagged twice, untagged in 3,000 articles: a word the tagger erred on.
    tally.insert("الماضي".into(), [2, 0, 3000]);
    // Tagged once: no evidence at all.
    tally.insert("فلان".into(), [1, 0, 0]);
    let known = known_set(&tally);
    assert_eq!(known.get("بوتين"), Some(&Kind::Person));
    assert!(!known.contains_key("الماضي"));
    assert!(!known.contains_key("فلان"));
}
