import ast
from pathlib import Path

from archive.extraction import lexicon as lx

LEXICON_DIR = Path(lx.__file__).parent


def test_country_names_are_the_common_short_ones():
    assert lx.country_of("Iran") == "Iran"
    assert lx.country_of("Russian Federation") == "Russia"
    assert lx.country_of("US") == "United States"
    assert lx.country_of("Kyrgyz Republic") == "Kyrgyzstan"


def test_demonyms_and_possessives_give_the_country():
    assert lx.country_of("Kazakh") == "Kazakhstan"
    assert lx.country_of("Azeri") == "Azerbaijan"
    assert lx.country_of("Kazakhstan\u2019s") == "Kazakhstan"


def test_cities_give_their_country_but_are_not_countries():
    assert lx.place_country("ISLAMABAD") == "Pakistan"
    assert lx.place_country("Tashkent") == "Uzbekistan"
    assert lx.country_of("Astana") is None


def test_known_organizations_are_found_by_name_acronym_or_alias():
    assert lx.KNOWN_BY_FORM["sco"].type == "international"
    assert lx.KNOWN_BY_FORM["agence france-presse"].acronym == "AFP"
    assert lx.KNOWN_BY_FORM["state department"].country == "United States"


def test_every_organization_type_is_one_the_records_allow():
    from archive.extraction.records import ORGANIZATION_TYPES
    types = set(lx.HEAD_TYPES.values()) | set(lx.GENERIC_ORG_NOUNS.values()) | {o.type for o in lx.KNOWN_ORGS}
    assert types <= set(ORGANIZATION_TYPES)


def test_lexicons_name_no_local_organization_from_the_samples():
    text = " ".join(p.read_text(encoding="utf-8").lower() for p in LEXICON_DIR.glob("*.py"))
    for sample_specific in ("radio pakistan", "logistics cell", "karachi port trust", "ipri", "kistafin", "tcs"):
        assert sample_specific not in text.split('"') and f'"{sample_specific}"' not in text


def test_extraction_modules_do_not_import_django():
    modules = sorted(LEXICON_DIR.parent.rglob("*.py"))
    assert len(modules) > 25  # every stage package is walked, not just the top folder
    for path in modules:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                modules = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                assert not any(m.split(".")[0] == "django" for m in modules), path
