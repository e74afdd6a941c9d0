//! Cleaning tests on pages written for the purpose: other sites' layouts and
//! boilerplate than the bundled samples, to show the rules are general.

use super::*;

#[test]
fn breadcrumb_banner_and_related_block() {
    let page = "الرئيسية\nعاجل\nأخبار عربية\n\
        الجيش اللبناني ينتشر في الجنوب بعد اتفاق وقف النار\n\
        بيروت - أعلن الجيش اللبناني اليوم انتشار وحداته في قرى الجنوب بعد سريان اتفاق وقف إطلاق النار.\n\
        اقرأ أيضاً\nمقتل ثلاثة في غارة على دمشق\nالأمم المتحدة تحذر من أزمة غذاء\n\
        وقال مصدر عسكري إن الانتشار سيستكمل خلال الأيام المقبلة بالتنسيق مع قوات اليونيفيل.\n\
        شارك على فيسبوك\nتويتر\nواتساب\n\
        جميع الحقوق محفوظة © 2024\n";
    let p = clean_page(page);
    assert_eq!(
        p.title,
        "الجيش اللبناني ينتشر في الجنوب بعد اتفاق وقف النار"
    );
    assert_eq!(p.paragraphs.len(), 2, "{:#?}", p.paragraphs);
    assert!(p.paragraphs[1].starts_with("وقال مصدر عسكري"));
    assert_eq!(p.dateline.as_deref(), Some("بيروت"));
}

#[test]
fn glued_title_caption_and_site_signature() {
    let title = "وزير الخارجية المصري يزور الرياض";
    let page = format!(
        "{title}{title}\n{title}\nسامح شكري\nزيارة تستغرق يومين لبحث العلاقات الثنائية والملفات الإقليمية\n\
         القاهرة (أ ش أ) - توجه وزير الخارجية سامح شكري إلى الرياض في زيارة تستغرق يومين.\n\
         ويلتقي شكري خلال الزيارة عددا من المسؤولين السعوديين لبحث العلاقات الثنائية.\n\
         Share this:\nالمصري اليوم\nhttps://www.almasryalyoum.com/news/1\n"
    );
    let p = clean_page(&page);
    assert_eq!(p.title, title);
    assert_eq!(p.source.as_deref(), Some("المصري اليوم"));
    assert_eq!(p.dateline.as_deref(), Some("القاهرة"));
    assert_eq!(p.paragraphs.len(), 3, "{:#?}", p.paragraphs);
    assert!(
        p.paragraphs[0].starts_with("زيارة"),
        "a subtitle after the headline is kept as a lead, a caption is not"
    );
}

#[test]
fn page_without_headline_gets_one_from_its_first_sentence() {
    let page = "أعلنت وزارة الصحة تسجيل إصابات جديدة. وأضافت أن الوضع تحت السيطرة وأن المستشفيات تعمل بطاقتها الكاملة في جميع المحافظات منذ الصباح.\n";
    let p = clean_page(page);
    assert_eq!(p.title, "أعلنت وزارة الصحة تسجيل إصابات جديدة");
    assert_eq!(p.paragraphs.len(), 1);
}

#[test]
fn most_read_block_in_the_middle_ends_at_the_next_paragraph() {
    let page = "عنوان الخبر عن الانتخابات البلدية في تونس\n\
        تونس - بدأ التصويت صباح اليوم في الانتخابات البلدية وسط إقبال متوسط من الناخبين في العاصمة.\n\
        الأكثر قراءة\nخبر أول قصير\nخبر ثان قصير\n\
        وأغلقت مراكز الاقتراع أبوابها في السادسة مساء على أن تعلن النتائج الأولية غدا.\n\
        Powered by WordPress\n";
    let p = clean_page(page);
    assert_eq!(p.paragraphs.len(), 2, "{:#?}", p.paragraphs);
    assert_eq!(p.source, None);
}

#[test]
fn english_chrome_and_unicode_whitespace() {
    let page = "Menu\nSearch\n\u{a0}عنوان\u{a0}\u{a0}الخبر   عن الطقس في عمان\u{a0}\n\n\
        عمان - تشهد المملكة اليوم أجواء باردة وماطرة في معظم المناطق مع رياح نشطة.\u{a0}\u{a0}\n\
        Follow us on Twitter\nRead more\n";
    let p = clean_page(page);
    assert_eq!(p.title, "عنوان الخبر عن الطقس في عمان");
    assert_eq!(
        p.paragraphs,
        vec!["عمان - تشهد المملكة اليوم أجواء باردة وماطرة في معظم المناطق مع رياح نشطة."]
    );
}

#[test]
fn markdown_with_front_matter() {
    let md = "---\ntitle: \"قمة عربية في الجزائر\"\nsource: الشروق\n---\n\n\
        # قمة عربية في الجزائر\n\nتنطلق **اليوم** أعمال القمة العربية\nفي العاصمة الجزائرية [بمشاركة](http://x.y) واسعة.\n\n\
        > ويناقش القادة ملفات عدة.\n";
    let p = clean_markdown(md);
    assert_eq!(p.title, "قمة عربية في الجزائر");
    assert_eq!(p.source.as_deref(), Some("الشروق"));
    assert_eq!(
        p.paragraphs,
        vec![
            "تنطلق اليوم أعمال القمة العربية في العاصمة الجزائرية بمشاركة واسعة.",
            "ويناقش القادة ملفات عدة."
        ]
    );
}

#[test]
fn json_body_loses_boilerplate_but_keeps_title() {
    let p = clean_body(
        "  عنوان  معروف ",
        "الفقرة الأولى من الخبر وهي طويلة بما يكفي لتكون فقرة.\nاقرأ أيضا: خبر آخر\nالفقرة الثانية من الخبر وهي أيضا طويلة بما يكفي.",
    );
    assert_eq!(p.title, "عنوان معروف");
    assert_eq!(p.paragraphs.len(), 2);
}

#[test]
fn unglue_only_exact_repeats() {
    assert_eq!(unglue("أ ب جأ ب ج"), "أ ب ج");
    assert_eq!(unglue("أ ب ج أ ب ج"), "أ ب ج");
    assert_eq!(
        unglue("السورية السورية"),
        "السورية السورية",
        "one repeated word is text, not a glued headline"
    );
    assert_eq!(unglue("abc"), "abc");
}

#[test]
fn script_and_style_left_as_text_go() {
    let page = "وزارة الصحة تعلن خطة جديدة لمكافحة الأوبئة\n\
        var googletag = googletag || {}; googletag.cmd = googletag.cmd || [];\n\
        window.dataLayer = window.dataLayer || [];\n\
        function gtag(){dataLayer.push(arguments);}\n\
        .post-content { font-size: 18px; line-height: 1.8; }\n\
        @media (max-width: 600px) { .sidebar { display: none; } }\n\
        <script async src=\"https://example.com/ads.js\"></script>\n\
        عمان - أعلنت وزارة الصحة اليوم عن خطة جديدة لمكافحة الأوبئة تشمل جميع المحافظات.\n\
        وقال الوزير إن الخطة تبدأ الشهر المقبل وتستمر عامين كاملين بتمويل حكومي.\n";
    let p = clean_page(page);
    assert_eq!(p.title, "وزارة الصحة تعلن خطة جديدة لمكافحة الأوبئة");
    assert_eq!(p.paragraphs.len(), 2, "{:#?}", p.paragraphs);
    assert!(p
        .paragraphs
        .iter()
        .all(|l| !l.contains('{') && !l.contains("window.")));
    assert_eq!(p.dateline.as_deref(), Some("عمان"));
}

#[test]
fn cookie_share_and_source_link_lines_and_the_headline_again_go() {
    let title = "افتتاح معرض الكتاب الدولي بمشاركة خمسين دولة";
    let page = format!(
        "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا. موافق\n\
         {title}\n\
         شارك الخبر\n\
         الرباط - افتتح وزير الثقافة معرض الكتاب الدولي اليوم بمشاركة خمسين دولة وأكثر من ألف دار نشر.\n\
         ويستمر المعرض عشرة أيام ويضم ندوات وأمسيات شعرية وورش عمل للأطفال.\n\
         This website uses cookies to improve your experience.\n\
         رابط الخبر بصحيفة الصباح: {title}\n\
         {title} - الصباح\n"
    );
    let p = clean_page(&page);
    assert_eq!(p.title, title);
    assert_eq!(p.paragraphs.len(), 2, "{:#?}", p.paragraphs);
    assert!(p.paragraphs[1].starts_with("ويستمر المعرض"));
    assert_eq!(p.dateline.as_deref(), Some("الرباط"));
}

#[test]
fn datelines_only_when_they_look_like_one() {
    let cases = [
        (
            "موسكو/ وكالات- بحث الرئيس الروسي مع مجلس الأمن الملف السوري.",
            Some("موسكو"),
        ),
        (
            "دمشق (سانا) - أعلنت الحكومة السورية اليوم عن اتفاق جديد.",
            Some("دمشق"),
        ),
        (
            "الدار البيضاء - افتتح الملك اليوم مشروعا جديدا في المدينة.",
            Some("الدار البيضاء"),
        ),
        (
            "أبو ظبي - أعلنت الإمارات اليوم عن مبادرة جديدة للسلام.",
            Some("أبو ظبي"),
        ),
        (
            "احتل فيلم - الرحلة - صدارة شباك التذاكر هذا الأسبوع في مصر.",
            None,
        ),
        (
            "قال الوزير - في مؤتمر صحفي - إن الحكومة ستعلن خطة جديدة.",
            None,
        ),
    ];
    for (first, want) in cases {
        let page = format!("عنوان الخبر في الصحيفة اليومية\n{first}\nوأضاف المصدر أن التفاصيل ستعلن لاحقا في بيان رسمي.\n");
        assert_eq!(clean_page(&page).dateline.as_deref(), want, "{first}");
    }
}

#[test]
fn a_date_line_is_not_the_headline() {
    for date in ["25 ربيع الآخر 1438 هـ", "الاثنين 23-01-2017 الساعة 10:30"]
    {
        let page = format!(
            "{date}\nعنوان خبر قصير\nقال الوزير إن الحكومة ستعلن خطة جديدة للنقل العام في العاصمة.\n"
        );
        let p = clean_page(&page);
        assert_eq!(p.title, "عنوان خبر قصير", "{date}");
        assert!(p.date.is_some());
        assert!(p.paragraphs.iter().all(|l| !l.contains(date)));
    }
}
