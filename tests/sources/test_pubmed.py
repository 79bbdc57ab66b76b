"""PubMed efetch / baseline XML: real NCBI fixtures plus synthetic edge cases."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from curbside.errors import SourceError
from curbside.records import Kind
from curbside.sources import detect_format, iter_path_documents
from curbside.sources.pubmed import iter_documents

HEADER = (
    '<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
    '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n<PubmedArticleSet>\n'
)


def article(pmid: str, title: str = "A title.", abstract: str = "", date: str = "<Year>2020</Year>",
            types: tuple[str, ...] = ("Journal Article",), extra: str = "", ids: str = "") -> str:
    pub_types = "".join(f"<PublicationType>{t}</PublicationType>" for t in types)
    return (
        f"<PubmedArticle><MedlineCitation><PMID Version=\"1\">{pmid}</PMID><Article>"
        f"<Journal><JournalIssue><PubDate>{date}</PubDate></JournalIssue><Title>J Test</Title>"
        f"<ISOAbbreviation>J Tst</ISOAbbreviation></Journal><ArticleTitle>{title}</ArticleTitle>"
        f"{abstract}<PublicationTypeList>{pub_types}</PublicationTypeList>{extra}</Article>"
        f"</MedlineCitation><PubmedData><ArticleIdList>{ids}</ArticleIdList></PubmedData></PubmedArticle>\n"
    )


def write(path: Path, *records: str) -> Path:
    path.write_text(HEADER + "".join(records) + "</PubmedArticleSet>\n", encoding="utf-8")
    return path


def test_efetch_record_fields(fixtures_dir: Path) -> None:
    path = fixtures_dir / "pubmed" / "pubmed-29768149.xml"
    assert detect_format(path) == "pubmed"
    [doc] = list(iter_path_documents(path))
    assert doc.id == "pmid:29768149"
    assert doc.pmid == "29768149"
    assert doc.title == "Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma."
    assert doc.issuer == "The New England journal of medicine"
    assert doc.year == 2018
    assert doc.doi == "10.1056/NEJMoa1715274"
    assert doc.url == "https://pubmed.ncbi.nlm.nih.gov/29768149/"
    assert doc.source == "pubmed"
    assert doc.kind is Kind.RCT
    assert [s.label for s in doc.sections] == ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"]
    assert "200 μg of budesonide" in doc.sections[1].text  # units kept exactly
    assert "odds ratio, 1.14; 95% confidence interval [CI], 1.00 to 1.30; P=0.046" in doc.sections[2].text
    assert "Asthma" in doc.mesh and "Randomized Controlled Trial" in doc.publication_types
    assert doc.retrieved_at.endswith("+00:00")


def test_eutils_multi_article_files(fixtures_dir: Path) -> None:
    docs = {d.pmid: d for name in ("pubmed1.xml", "pubmed2.xml", "pubmed4.xml")
            for d in iter_path_documents(fixtures_dir / "eutils" / name)}
    assert set(docs) == {"12091962", "9997", "11748933", "11700088", "27797938"}
    no_abstract = docs["12091962"]
    assert [(s.label, s.text) for s in no_abstract.sections] == [
        ("Title", "The treatment of AIDS behind the walls of correctional facilities.")]
    assert no_abstract.kind is Kind.REVIEW and no_abstract.year == 1990
    assert docs["9997"].doi == "10.1016/0005-2795(76)90109-4"  # from ArticleIdList
    assert docs["9997"].sections[0].label == "Abstract"
    assert docs["11748933"].issuer == "Cryobiology" and docs["11748933"].year == 2001
    gut = docs["27797938"]
    assert gut.title.startswith("Leucocyte telomere length, genetic variants at the TERT gene region")
    assert gut.pmcid == "PMC5442267" and gut.issuer == "Gut" and gut.year == 2017
    assert gut.kind is Kind.OBSERVATIONAL
    assert [s.label for s in gut.sections] == ["OBJECTIVE", "DESIGN", "RESULTS", "CONCLUSIONS"]
    assert "Published by the BMJ" not in gut.text  # copyright line is not abstract text


def test_labels_dates_ids_and_kinds(tmp_path: Path) -> None:
    structured = (
        "<Abstract><AbstractText NlmCategory=\"BACKGROUND\">Why.</AbstractText>"
        "<AbstractText Label=\"UNASSIGNED\" NlmCategory=\"UNASSIGNED\">Part one.</AbstractText>"
        "<AbstractText>Part two.</AbstractText></Abstract>"
    )
    path = write(
        tmp_path / "set.xml",
        article("1", title="Drug <i>X</i> in H<sub>2</sub>O", abstract=structured,
                date="<MedlineDate>1998 Dec-1999 Jan</MedlineDate>",
                types=("Journal Article", "Review", "Systematic Review"),
                ids='<ArticleId IdType="pmc">PMC123</ArticleId><ArticleId IdType="doi">10.1/x</ArticleId>'),
        "<DeleteCitation><PMID Version=\"1\">99</PMID></DeleteCitation>\n",
        article("2", date="<Season>Spring</Season>", extra="<ArticleDate><Year>2011</Year></ArticleDate>",
                types=("Case Reports",)),
        article("3", types=("Practice Guideline", "Randomized Controlled Trial")),
        article("4", abstract="<Abstract><AbstractText>Patients were randomly assigned to A or B."
                "</AbstractText></Abstract>"),
        article("5", abstract="<Abstract><AbstractText>Patients were randomly assigned.</AbstractText>"
                "</Abstract>", types=("Letter",)),
    )
    docs = list(iter_documents(path))
    assert [d.pmid for d in docs] == ["1", "2", "3", "4", "5"]  # DeleteCitation ignored
    first = docs[0]
    assert first.title == "Drug X in H2O"
    assert [(s.label, s.text) for s in first.sections] == [("Background", "Why."), ("Abstract", "Part one.\nPart two.")]
    assert first.year == 1998 and first.pmcid == "PMC123" and first.doi == "10.1/x"
    assert first.kind is Kind.SYSTEMATIC_REVIEW
    assert docs[1].year == 2011 and docs[1].kind is Kind.CASE_REPORT
    assert docs[2].kind is Kind.GUIDELINE  # strongest publication type wins
    assert docs[3].kind is Kind.RCT  # text cue promotes an untyped journal article
    assert docs[4].kind is Kind.OTHER  # …but never a letter


def test_book_article_parsed_minimally(tmp_path: Path) -> None:
    book = (
        "<PubmedBookArticle><BookDocument><PMID Version=\"1\">20301295</PMID>"
        "<ArticleIdList><ArticleId IdType=\"bookaccession\">NBK1116</ArticleId></ArticleIdList>"
        "<Book><Publisher><PublisherName>University of Washington</PublisherName></Publisher>"
        "<BookTitle>GeneReviews</BookTitle><PubDate><Year>1993</Year></PubDate></Book>"
        "<ArticleTitle>Cystic Fibrosis</ArticleTitle><Abstract><AbstractText Label=\"CLINICAL CHARACTERISTICS\">"
        "CF affects the lungs.</AbstractText></Abstract><PublicationType>Review</PublicationType>"
        "</BookDocument></PubmedBookArticle>"
    )
    [doc] = list(iter_documents(write(tmp_path / "book.xml", book)))
    assert (doc.id, doc.title, doc.issuer, doc.year, doc.kind) == (
        "pmid:20301295", "Cystic Fibrosis", "GeneReviews", 1993, Kind.REVIEW)
    assert doc.sections[0].label == "CLINICAL CHARACTERISTICS"


def test_gzip_baseline_is_streamed(tmp_path: Path) -> None:
    path = tmp_path / "pubmed25n0001.xml.gz"
    body = HEADER + "".join(article(str(i), abstract=f"<Abstract><AbstractText>Text {i}.</AbstractText></Abstract>")
                            for i in range(1, 501)) + "</PubmedArticleSet>\n"
    path.write_bytes(gzip.compress(body.encode()))
    assert detect_format(path) == "pubmed"
    docs = list(iter_path_documents(path))
    assert len(docs) == 500 and docs[-1].id == "pmid:500" and docs[-1].sections[0].text == "Text 500."


def test_bad_record_names_its_position(tmp_path: Path) -> None:
    broken = article("7").replace('<PMID Version="1">7</PMID>', "")
    path = write(tmp_path / "bad.xml", article("6"), broken)
    with pytest.raises(SourceError, match=r"bad\.xml: record 2 \(line \d+\): PubmedArticle without a numeric PMID"):
        list(iter_documents(path))


def test_malformed_and_truncated(tmp_path: Path) -> None:
    cut = tmp_path / "cut.xml"
    cut.write_text(HEADER + article("1") + "<PubmedArticle><MedlineCitation><PMID>2</PMID>", encoding="utf-8")
    with pytest.raises(SourceError, match=r"cut\.xml: malformed XML at line \d+"):
        list(iter_path_documents(cut))
    good = (HEADER + "".join(article(str(i)) for i in range(1, 3000)) + "</PubmedArticleSet>").encode()
    packed = gzip.compress(good)
    truncated = tmp_path / "trunc.xml.gz"
    truncated.write_bytes(packed[: len(packed) * 2 // 3])
    with pytest.raises(SourceError, match="corrupt or truncated gzip"):
        list(iter_path_documents(truncated))


def test_entity_bomb_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xml"
    entities = "".join(f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 12))
    bomb.write_text(
        f'<?xml version="1.0"?><!DOCTYPE PubmedArticleSet [<!ENTITY e0 "boom">{entities}]>'
        f"<PubmedArticleSet>{article('1', title='&e11;')}</PubmedArticleSet>",
        encoding="utf-8",
    )
    with pytest.raises(SourceError, match="declares its own entities"):
        list(iter_path_documents(bomb, "pubmed"))


def test_external_dtd_is_not_fetched(tmp_path: Path) -> None:
    # A SYSTEM entity pointing at a local file must neither be loaded nor expanded.
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    path = tmp_path / "xxe.xml"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE PubmedArticleSet SYSTEM "{secret.as_uri()}">'
        f"<PubmedArticleSet>{article('1')}</PubmedArticleSet>",
        encoding="utf-8",
    )
    [doc] = list(iter_documents(path))
    assert "SECRET" not in doc.title + doc.text
