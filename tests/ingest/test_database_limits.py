"""Values longer than their column are fitted to it; a database error on one article is reported for it alone."""

import datetime

import pytest
from django.db import connection

from archive.ingest.articles import save_article
from archive.ingest.report import IngestReport
from archive.models import Agreement, Article, Meeting, MeetingParticipant, Organization, Person, Role
from tests.ingest.builders import agreement, article, day, meeting, organization, person
from tests.ingest.test_bad_input import GOOD, error_lines, run

pytestmark = pytest.mark.django_db

LONG_WORDS = " ".join(["Kazakhstan and Pakistan agree on a wide range of measures"] * 13)  # 766 characters


def max_length(model, field):
    return model._meta.get_field(field).max_length


def test_a_headline_longer_than_its_column_is_cut_to_fit():
    body = "ASTANA: The two sides met on Monday."
    save_article(article(body, title=LONG_WORDS), source_path="long.txt", report=IngestReport())
    title = Article.objects.get().title
    assert len(LONG_WORDS) > max_length(Article, "title") == len(title)
    assert LONG_WORDS.startswith(title)


def test_every_value_of_every_record_is_fitted_to_its_column():
    long_name = "Aidarbek " + "Kassymzhomartovich " * 20 + "Seitkali"
    long_org = "Agency for " + "Regional Transit and Customs Cooperation " * 10 + "Affairs"
    body = (f"ASTANA: Minister {long_name} of the {long_org} met Minister Rustam Aliyev in {LONG_WORDS} "
            f"on 3 March 2025. They signed the {LONG_WORDS} deal.")
    extracted = article(
        body, people=[person(body, long_name, title=LONG_WORDS), person(body, "Rustam Aliyev")],
        organizations=[organization(body, long_org)])
    extracted.meetings = [meeting(body, [long_name, "Rustam Aliyev"], mention="met", location=LONG_WORDS,
                                  topic=LONG_WORDS * 2, date=day(datetime.date(2025, 3, 3), LONG_WORDS),
                                  organizations=[long_org])]
    extracted.agreements = [agreement(body, LONG_WORDS, mention="signed", parties=("Kazakhstan", long_org),
                                      value_usd=1e30)]
    save_article(extracted, source_path="long.txt", report=IngestReport())
    assert len(Person.objects.get(name__startswith="Aidarbek").name) == max_length(Person, "name")
    assert len(Organization.objects.get().name) == max_length(Organization, "name")
    assert len(Role.objects.get(person__name__startswith="Aidarbek").title) == max_length(Role, "title")
    stored = Meeting.objects.get()
    assert len(stored.location) == max_length(Meeting, "location")
    assert len(stored.topic) == max_length(Meeting, "topic")
    assert len(stored.date_text) == max_length(Meeting, "date_text")
    assert all(len(p.name) <= max_length(MeetingParticipant, "name") for p in stored.participants.all())
    deal = Agreement.objects.get()
    assert len(deal.title) == max_length(Agreement, "title")
    assert deal.value_usd is None  # a sum its column cannot hold is left out, not rounded into nonsense


def test_a_fitted_value_is_not_rewritten_on_the_next_run():
    body = "ASTANA: Minister Rustam Aliyev met his counterpart on Monday."
    extracted = article(body, people=[person(body, "Rustam Aliyev", title=LONG_WORDS)])
    save_article(extracted, source_path="a.txt", report=IngestReport())
    before = Person.objects.get().history.count()
    extracted.title = "Another headline, the same person"
    save_article(extracted, source_path="b.txt", report=IngestReport())
    assert Person.objects.get().history.count() == before


@pytest.fixture
def refusing_trigger():
    """A real database error: the database itself refuses any article whose title is 'Refused headline'."""
    table = Article._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("CREATE FUNCTION refuse_headline() RETURNS trigger AS $$ BEGIN "
                           "IF NEW.title = 'Refused headline' THEN RAISE EXCEPTION 'refused by the test trigger'; "
                           "END IF; RETURN NEW; END $$ LANGUAGE plpgsql")
            cursor.execute(f"CREATE TRIGGER refuse_headline BEFORE INSERT ON {table} "
                           "FOR EACH ROW EXECUTE FUNCTION refuse_headline()")
        else:
            cursor.execute(f"CREATE TRIGGER refuse_headline BEFORE INSERT ON {table} "
                           "WHEN NEW.title = 'Refused headline' "
                           "BEGIN SELECT RAISE(ABORT, 'refused by the test trigger'); END")
    yield
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP TRIGGER IF EXISTS refuse_headline ON {table}")
            cursor.execute("DROP FUNCTION IF EXISTS refuse_headline()")
        else:
            cursor.execute("DROP TRIGGER IF EXISTS refuse_headline")


def test_a_database_error_on_one_article_is_one_error_line_and_the_other_articles_go_in(tmp_path, refusing_trigger):
    refused = tmp_path / "a-refused.txt"
    refused.write_text("Refused headline\n\n" + GOOD.split("\n", 2)[2], encoding="utf-8")
    good = tmp_path / "b-good.txt"
    good.write_text(GOOD, encoding="utf-8")
    code, out, err = run(tmp_path)
    assert code == 1
    lines = error_lines(err)
    assert len(lines) == 1
    assert lines[0].startswith(f"error: {refused}: story 1 ('Refused headline'): database error")
    assert "refused by the test trigger" in lines[0]
    assert "Traceback" not in err
    assert list(Article.objects.values_list("source_name", flat=True)) == ["b-good.txt"]
    assert "Articles: 1 new" in out and "Errors: 1" in out
