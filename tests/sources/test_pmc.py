"""PMC JATS full text: the real PMC Open Access fixtures and an efetch pmc-articleset response."""

from __future__ import annotations

from pathlib import Path

import pytest

from curbside.errors import SourceError
from curbside.records import Kind
from curbside.sources import detect_format, iter_path_documents
from curbside.sources.pmc import iter_documents


def test_bmc_article(fixtures_dir: Path) -> None:
    path = fixtures_dir / "pmc" / "1471-2180-11-174.nxml"
    assert detect_format(path) == "pmc"
    [doc] = list(iter_path_documents(path))
    assert doc.id == "pmid:21810267"
    assert (doc.pmid, doc.pmcid, doc.doi) == ("21810267", "PMC3166277", "10.1186/1471-2180-11-174")
    assert doc.title == "Factors influencing lysis time stochasticity in bacteriophage λ"
    assert doc.issuer == "BMC Microbiology" and doc.year == 2011
    assert doc.url == "https://pmc.ncbi.nlm.nih.gov/articles/PMC3166277/"
    assert doc.license == "http://creativecommons.org/licenses/by/2.0"
    assert doc.source == "pmc" and doc.publication_types == ("research-article",)
    labels = [s.label for s in doc.sections]
    assert labels[:3] == ["Abstract / Background", "Abstract / Results", "Abstract / Conclusions"]
    assert "Results / Effect of Host Growth Rates" in labels
    assert "Methods / Statistical analysis" in labels
    assert not any(lbl in labels for lbl in ("Competing interests", "Authors' contributions", "Acknowledgements"))
    assert all(s.text for s in doc.sections)


def test_plos_article_with_author_summary(fixtures_dir: Path) -> None:
    [doc] = list(iter_documents(fixtures_dir / "pmc" / "pntd.0002065.nxml"))
    assert doc.id == "pmid:23469300" and doc.pmcid == "PMC3585041" and doc.year == 2013
    assert doc.issuer == "PLoS Neglected Tropical Diseases"
    assert doc.title.startswith("Serological Evidence of Rift Valley Fever Virus Circulation")
    labels = [s.label for s in doc.sections]
    assert labels[:3] == ["Abstract", "Author Summary", "Introduction"]
    assert "Materials and Methods / Cross-sectional surveys" in labels
    assert doc.kind is Kind.OBSERVATIONAL  # from "cross-sectional" cues in the abstract


def test_italic_markup_flattened(fixtures_dir: Path) -> None:
    [doc] = list(iter_documents(fixtures_dir / "pmc" / "pone.0046493.nxml"))
    assert doc.title.startswith("MmPPOX Inhibits Mycobacterium tuberculosis Lipolytic Enzymes")
    assert doc.doi == "10.1371/journal.pone.0046493"


def test_efetch_pmc_correction(fixtures_dir: Path) -> None:
    path = fixtures_dir / "eutils" / "efetch_pmc.xml"
    assert detect_format(path) == "pmc"
    [doc] = list(iter_path_documents(path))
    assert doc.id == "pmid:34527728" and doc.pmcid == "PMC8435807" and doc.issuer == "ERJ Open Research"
    assert doc.kind is Kind.OTHER  # a correction notice, despite "randomised" in its title
    assert doc.license == "https://creativecommons.org/licenses/by-nc/4.0/"
    assert [s.label for s in doc.sections] == ["Main text"]
    assert "corrected to −15.1%" in doc.sections[0].text  # U+2212 minus kept


def test_ids_fall_back_to_pmcid(tmp_path: Path) -> None:
    path = tmp_path / "a.nxml"
    path.write_text(
        '<article article-type="systematic-review"><front><journal-meta><journal-title>J</journal-title>'
        '</journal-meta><article-meta><article-id pub-id-type="pmcid">PMC42</article-id><title-group>'
        "<article-title>Statins: a review</article-title></title-group><pub-date pub-type=\"pmc-release\">"
        "<year>2020</year></pub-date><pub-date pub-type=\"ppub\"><year>2019</year></pub-date></article-meta>"
        "</front><body><p>Intro.</p><sec><title>Outer</title><p>A.</p><sec><title>Inner</title>"
        "<p>B <fig><caption><p>figure text</p></caption></fig>end.</p><list><list-item><p>one</p></list-item>"
        "</list></sec></sec></body></article>",
        encoding="utf-8",
    )
    [doc] = list(iter_documents(path))
    assert doc.id == "pmcid:PMC42" and doc.year == 2019 and doc.kind is Kind.SYSTEMATIC_REVIEW
    assert [(s.label, s.text) for s in doc.sections] == [
        ("Main text", "Intro."), ("Outer", "A."), ("Outer / Inner", "B end.\n- one")]


def test_article_without_ids_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "noid.nxml"
    path.write_text("<article><front><article-meta><title-group><article-title>T</article-title>"
                    "</title-group></article-meta></front></article>", encoding="utf-8")
    with pytest.raises(SourceError, match=r"noid\.nxml: article 1 \(line 1\): article has no pmid"):
        list(iter_documents(path))
