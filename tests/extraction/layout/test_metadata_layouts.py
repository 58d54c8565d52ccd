"""Whole story headers and trailers in many layouts, read by `read_metadata` (invented outlets)."""
import datetime

from archive.extraction.layout.metadata import read_metadata

D = datetime.date
LEDE = ("the ministers of the two countries met on Monday and agreed to build a new railway line "
        "through the mountains by the end of the decade, officials of both governments said after "
        "talks that lasted most of the day in the capital.")


def test_a_wire_story_reads_dateline_agency_and_the_year_from_its_trailer():
    meta = read_metadata(f"Ministers agree to build railway\n\nKABUL, May 21 (Xinhua) -- Afghan {LEDE}\n\n"
                         "Editor: Li Wei | 2031-05-21 06:13:45")
    assert (meta.title, meta.dateline, meta.outlet, meta.published) == (
        "Ministers agree to build railway", "KABUL", "Xinhua", D(2031, 5, 21))
    assert meta.byline is None


def test_a_date_line_above_the_headline_is_not_the_title():
    meta = read_metadata(f"9 March 2031, 08:15\n\nMinisters agree to build railway\n\nALMATY. KAZINFORM – The {LEDE}")
    assert meta.title == "Ministers agree to build railway"
    assert (meta.published, meta.dateline, meta.outlet) == (D(2031, 3, 9), "ALMATY", "KAZINFORM")


def test_a_masthead_a_desk_byline_and_a_date_line_form_the_header():
    meta = read_metadata(f"THE VALLEY TIMES\n\nMinisters agree to build railway\n\nOur Staff Reporter\n"
                         f"March 14, 2031\n\nKARACHI - The {LEDE}")
    assert (meta.outlet, meta.byline, meta.published, meta.dateline) == (
        "The Valley Times", "Our Staff Reporter", D(2031, 3, 14), "KARACHI")
    assert meta.title == "Ministers agree to build railway"


def test_a_section_label_a_ticker_and_a_breadcrumb_are_not_the_title():
    meta = read_metadata(f"Home > World > Asia\nKZT/USD = 0.00211 +0.12%\nCentral Asia | Diplomacy\n\n"
                         f"Ministers agree to build railway\n\nThe {LEDE}")
    assert meta.title == "Ministers agree to build railway"


def test_a_furniture_strip_gives_outlet_place_and_date():
    meta = read_metadata(f"Ministers agree to build railway\n\nAnadolu Agency | Ankara | Last Updated : "
                         f"Mar 09 2031 | 08:15 AM TRT\n\nThe {LEDE}")
    assert (meta.outlet, meta.dateline, meta.published) == ("Anadolu Agency", "ANKARA", D(2031, 3, 9))


def test_a_lone_place_line_in_the_header_is_the_dateline():
    meta = read_metadata(f"Ministers agree to build railway\n\nSamarkand, 5 September 2031\n\nThe {LEDE}")
    assert (meta.dateline, meta.published) == ("SAMARKAND", D(2031, 9, 5))


def test_a_relative_date_gives_no_publication_date():
    meta = read_metadata(f"Ministers agree to build railway\n\nBy Jane Roe - 2 days ago\n\nHERAT (AW) - The {LEDE}")
    assert (meta.published, meta.byline, meta.dateline) == (None, "Jane Roe", "HERAT")


def test_a_date_without_a_year_and_no_year_on_the_page_gives_no_date():
    meta = read_metadata(f"Ministers agree to build railway\n\nTEHRAN, Iran, November 13. /TREND/ The {LEDE}")
    assert (meta.dateline, meta.outlet, meta.published) == ("TEHRAN", "TREND", None)


def test_a_date_without_a_year_takes_the_year_of_the_copyright_line():
    meta = read_metadata(f"Ministers agree to build railway\n\nMOSCOW, June 17. /TASS/. The {LEDE}\n\n© 2031 Caspian Wire")
    assert meta.published == D(2031, 6, 17)
    assert meta.outlet == "Caspian Wire"  # the page's own name outranks the wire it quotes


def test_follow_and_published_in_lines_name_the_outlet_and_leave_the_body():
    meta = read_metadata(f"Ministers agree to build railway\n\nThe {LEDE}\n\nFollow Steppe.news on Telegram")
    assert meta.outlet == "Steppe.news" and "Follow" not in meta.body
    meta = read_metadata(f"Ministers agree to build railway\n\nThe {LEDE}\n\nPublished in Valley Post, May 30th 2031")
    assert (meta.outlet, meta.published) == ("Valley Post", D(2031, 5, 30))


def test_an_all_caps_headline_printed_twice_is_the_title_once():
    meta = read_metadata(f"MINISTERS AGREE TO BUILD RAILWAY\nMINISTERS AGREE TO BUILD RAILWAY\n\n"
                         f"ECONOMY | 08:05 / 27.01.2031\n   1184\n   2 min read\n\nThe {LEDE}")
    assert meta.title == "MINISTERS AGREE TO BUILD RAILWAY"
    assert meta.published == D(2031, 1, 27)
    assert meta.body.startswith("The the ministers") and "MINISTERS AGREE" not in meta.body


def test_related_links_at_the_end_are_dropped():
    meta = read_metadata(f"Ministers agree to build railway\n\nThe {LEDE}\n\nRelated News\n   Envoy visits the port\n"
                         "   Port capacity doubles")
    assert meta.body == f"The {LEDE}"


def test_a_signature_beside_the_date_is_the_byline():
    meta = read_metadata(f"Ministers agree to build railway\n\nJane Roe Sep 30, 2031\n\nThe {LEDE}")
    assert (meta.byline, meta.published) == ("Jane Roe", D(2031, 9, 30))


def test_an_outlet_signature_is_byline_and_outlet():
    meta = read_metadata(f"Ministers agree to build railway\n\nBy Aralnews\n\nPublished: 4 July 2031 08:15 (UTC+05:00)"
                         f"\n\nTbilisi, Georgia, 4 July\n\nThe {LEDE}")
    assert (meta.byline, meta.outlet, meta.published, meta.dateline) == ("Aralnews", "Aralnews", D(2031, 7, 4), "TBILISI")


def test_a_short_name_above_the_headline_is_the_masthead():
    meta = read_metadata(f"The Steppe Diplomat\n\nMinisters agree to build railway\n\nThe {LEDE}")
    assert (meta.title, meta.outlet) == ("Ministers agree to build railway", "The Steppe Diplomat")


def test_a_byline_with_section_and_date_gives_both():
    meta = read_metadata(f"Ministers agree to build railway\n\nBy Jane Roe in Nation on 3 March 2031\n\nThe {LEDE}")
    assert (meta.byline, meta.published) == ("Jane Roe", D(2031, 3, 3))


def test_a_desk_signature_beside_the_date_is_the_byline():
    meta = read_metadata(f"Ministers agree to build railway\n\nVR Web Desk Published 03 Mar, 2031 11:11am\n\nKARACHI: The {LEDE}")
    assert (meta.byline, meta.published, meta.dateline) == ("VR Web Desk", D(2031, 3, 3), "KARACHI")


def test_a_signature_line_above_a_date_line_is_the_byline_not_a_new_story():
    from archive.extraction.layout.split import split_stories

    story = f"Ministers agree to build railway\n\nAmir Rostami\nPublished March 4, 2031\n\nKARACHI: The {LEDE}"
    assert len(split_stories(story)) == 1
    meta = read_metadata(story)
    assert (meta.title, meta.byline, meta.published) == ("Ministers agree to build railway", "Amir Rostami", D(2031, 3, 4))


def test_a_dateline_alone_above_the_first_paragraph_is_read():
    meta = read_metadata(f"Ministers agree to build railway\n\nOur Correspondent\nMarch 04, 2031\n\nKARACHI:\nThe {LEDE}")
    assert (meta.dateline, meta.byline, meta.published) == ("KARACHI", "Our Correspondent", D(2031, 3, 4))


def test_a_time_glued_to_the_year_as_copied_from_a_page_is_read():
    meta = read_metadata(f"Ministers agree to build railway\n\nMarch 4, 20311:06 PM GMT+5Updated 2 hours ago\n\nThe {LEDE}")
    assert meta.published == D(2031, 3, 4)


def test_follow_inside_a_closing_sentence_and_a_copyright_with_a_trailing_year_name_the_outlet():
    meta = read_metadata(f"Ministers agree to build railway\n\nThe {LEDE}\n\nStay up to date, follow Steppe Wire on Telegram.")
    assert meta.outlet == "Steppe Wire"
    meta = read_metadata(f"Ministers agree to build railway\n\nThe {LEDE}\n\nCopyright Valley Recorder, 2031")
    assert meta.outlet == "Valley Recorder"


def test_a_long_photo_caption_in_the_header_is_not_body_text():
    caption = ("The deputy prime minister of one country speaks during a meeting with his counterpart at the "
               "ministry of foreign affairs in the capital on the ninth of the month, with aides and officials. (MOFA)")
    meta = read_metadata(f"Ministers agree to build railway\n\n{caption}\nShort Url\n\nKARACHI: The {LEDE}")
    assert meta.body.startswith("KARACHI: The")


def test_a_byline_and_a_date_in_one_strip_give_both():
    meta = read_metadata(f"Ministers agree to build railway\n\nBy Jane Roe | March 3, 2031\n\nThe {LEDE}")
    assert (meta.byline, meta.published) == ("Jane Roe", D(2031, 3, 3))


def test_a_desk_in_a_furniture_strip_is_the_byline():
    meta = read_metadata(f"Ministers agree to build railway\n\nStaff Correspondent | Published March 3, 2031\n\nThe {LEDE}")
    assert (meta.byline, meta.published) == ("Staff Correspondent", D(2031, 3, 3))


def test_a_closing_wire_credit_names_the_outlet_and_a_desk_credit_does_not():
    meta = read_metadata(f"Ministers agree to build railway\n\nThe {LEDE} —Reuters")
    assert (meta.byline, meta.outlet) == ("Reuters", "Reuters")
    meta = read_metadata(f"Ministers agree to build railway\n\nThe {LEDE} –Agencies")
    assert (meta.byline, meta.outlet) == ("Agencies", None)


def test_a_caption_closed_by_a_dashed_credit_is_not_body_text():
    meta = read_metadata("Ministers agree to build railway\n\nThe minister meets his counterpart in the capital on "
                         f"March 3, 2031. — PID\n\nKARACHI: The {LEDE}")
    assert meta.body.startswith("KARACHI: The")


def test_a_share_list_of_networks_is_furniture():
    meta = read_metadata(f"Ministers agree to build railway\n\nThe {LEDE}\n\nShare this article\nFacebook\nTwitter\nWhatsApp")
    assert meta.body == f"The {LEDE}"


def test_a_date_line_without_a_year_takes_the_year_from_another_line_of_the_page():
    meta = read_metadata(f"Ministers agree to build railway\n\nThursday, March 13 | 10:41\n\nThe {LEDE}\n\n© 2031 Steppe Wire")
    assert meta.published == D(2031, 3, 13)
    assert "March 13" not in meta.body


def test_a_date_line_without_a_year_and_no_year_elsewhere_gives_no_date():
    meta = read_metadata(f"Ministers agree to build railway\n\nThursday, March 13 | 10:41\n\nThe {LEDE}")
    assert meta.published is None
