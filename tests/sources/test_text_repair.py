"""Ingested text is repaired where the damage is certain: mojibake, lost apostrophes, glued
headings, footnote markers, run-in labels, markup and entities left in the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from curbside.sources import beir, medquad, ngc, pubmedqa
from curbside.sources._html import blocks_to_text, fragment_blocks
from curbside.sources._medquad_text import answer_lines, restore_contractions, split_headings
from curbside.sources._text import clean_block, clean_inline, split_run_in_labels
from curbside.sources.bioasq import snippet_text


@pytest.mark.parametrize(("raw", "clean"), [
    # NGC ngc-10473: U+2011 (non-breaking hyphen) as UTF-8 read as Latin-1; stripping the C1
    # controls \x80\x91 used to leave "TOEâguided"
    ("For whom TOE\u00e2\u0080\u0091guided cardioversion", "For whom TOE\u2011guided cardioversion"),
    ("The National Guideline Clearinghouse\u00e2\u0084\u00a2 (NGC)", "The National Guideline Clearinghouse™ (NGC)"),
    ("santeÌ\u0081 et service sociaux du QueÌ\u0081bec", "santé et service sociaux du Québec"),  # NFC
    ("\u00a0\u00a0\u00a0â\u0096¼", "▼"),  # after &nbsp; in a table cell (ngc-10213)
    ("the worldâ€™s largest", "the world’s largest"),  # Windows-1252 flavour (SciFact)
    ("development.Â\u00a0The", "development. The"),
    ("deﬁne signiﬁcant growth", "define significant growth"),  # ligatures spelled out
    # already-correct text is never touched
    ("café–bar, naïve, ≥ 5 µg/m², 3–5 days", "café–bar, naïve, ≥ 5 µg/m², 3–5 days"),
    ("“Quoted” and ‘single’", "“Quoted” and ‘single’"),
])
def test_mojibake_and_ligatures_repaired(raw: str, clean: str) -> None:
    assert clean_inline(raw) == clean
    assert clean_block(raw) == clean


def test_ngc_summary_without_mojibake(corpora_dir: Path) -> None:
    [doc] = list(ngc.iter_documents(corpora_dir / "ngc" / "summaries" / "ngc-10473.xml"))
    text = "\n".join(s.text for s in doc.sections)
    assert "For whom TOE\u2011guided cardioversion is being considered" in text
    assert "â" not in text and "Ã" not in text


def test_html_superscripts_exponents_and_footnotes() -> None:
    # ngc-10009, "Major Recommendations" (abridged)
    markup = ("<p>Monitor<sup>5</sup> serum creatinine after an episode of AKI when eGFR is 30 ml/min/1.73 "
              "m<sup>2</sup> or less.</p><p class=\"Note\"><sup>5</sup>The frequency of monitoring should be "
              "based on the stability and degree of renal function.</p>")
    assert blocks_to_text(fragment_blocks(markup)) == (
        "Monitor serum creatinine after an episode of AKI when eGFR is 30 ml/min/1.73 m² or less.\n"
        "The frequency of monitoring should be based on the stability and degree of renal function.")
    cases = {
        "<p>a threshold of &lt;10 x 10<sup>9</sup>/L</p>": "a threshold of <10 x 10⁹/L",
        "<p>0.4 g &middot; kg<sup>-1</sup> &middot; day<sup>-1</sup></p>": "0.4 g · kg⁻¹ · day⁻¹",
        "<p>before 32<sup>+0</sup> weeks; CD34<sup>+</sup> cells; (I<sup>2</sup>)</p>":
            "before 32⁺⁰ weeks; CD34⁺ cells; (I²)",
        "<li><sup>18</sup>F-fluorodeoxyglucose and <sup>123</sup>I-FP-CIT</li>":
            "- ¹⁸F-fluorodeoxyglucose and ¹²³I-FP-CIT",
        "<p>gabapentin<sup>6,7</sup> for people with MS</p>": "gabapentin for people with MS",
        "<p>labeled with technetium 99<sup>m</sup> (Tc-99m)</p>": "labeled with technetium 99m (Tc-99m)",
        "<p>starting dose.<sup>h</sup>Classification of recommendation</p>":
            "starting dose. Classification of recommendation",
        "<p class=\"Note\"><sup>13</sup>A contracture is a shortening</p>": "A contracture is a shortening",
        "<p class=\"Note\"><sup>7</sup><a href=\"#\">Medicines and Healthcare products Regulatory Agency</a></p>":
            "Medicines and Healthcare products Regulatory Agency",
        "<table><tr><td>Systematic review<sup>b</sup> of RCTs</td><td>CPIC<sup>&reg;</sup></td></tr></table>":
            "Systematic review of RCTs | CPIC®",
    }
    for markup, text in cases.items():
        assert blocks_to_text(fragment_blocks(markup)) == text


def test_html_table_cells_keep_words_and_items_apart() -> None:
    # ngc-10964 (USPSTF certainty levels) and the layout tables of NGC syntheses (50577.htm)
    markup = ("<table><tr><td><strong>Low</strong></td><td>Evidence is insufficient because of:<ul>"
              "<li>The limited number or size of studies </li><li>Important flaws in study design </li></ul></td></tr>"
              "<tr><th>Recommendations</th><td><p><strong>Question 4</strong>. Should a high fiber diet be advised?</p>"
              "<p>The AGA suggests a fiber-rich diet. (<strong>Conditional recommendation</strong>).</p>"
              "</td></tr></table>")
    assert blocks_to_text(fragment_blocks(markup)) == (
        "Low | Evidence is insufficient because of: The limited number or size of studies; Important flaws in "
        "study design\n"
        "Recommendations | Question 4. Should a high fiber diet be advised? The AGA suggests a fiber-rich diet. "
        "(Conditional recommendation).")


def test_ngc_footnote_markers_dropped(corpora_dir: Path) -> None:
    [doc] = list(ngc.iter_documents(corpora_dir / "ngc" / "summaries" / "ngc-10009.xml"))
    text = "\n".join(s.text for s in doc.sections)
    assert "Monitor serum creatinine after an episode of AKI" in text
    assert "\nThe frequency of monitoring should be based on" in text
    assert "5The frequency" not in text and "Monitor5" not in text


@pytest.mark.parametrize(("raw", "restored"), [
    ("if youre a healthy weight", "if you're a healthy weight"),
    ("in those who dont.", "in those who don't."),
    ("Dont change the amount. Doesnt hurt", "Don't change the amount. Doesn't hurt"),
    ("If they wont or cant eat", "If they won't or can't eat"),
    ("Thats why; whos at risk; theyre; youll; youve", "That's why; who's at risk; they're; you'll; you've"),
    ("- ____ Im older than 65. Ive broken a bone", "- ____ I'm older than 65. I've broken a bone"),
    # real words, or names, stay as they are
    ("its cause; lets cells use oxygen; we were; as well", "its cause; lets cells use oxygen; we were; as well"),
    ("as they were wont to do", "as they were wont to do"),
    ("Risk Factors You Cant Control", "Risk Factors You Can't Control"),
    ("features of Cant syndrome", "features of Cant syndrome"),  # Cantú syndrome, accent lost
    ("Arkwright PD, Abinun M, Cant AJ.", "Arkwright PD, Abinun M, Cant AJ."),
    ("congenital disorder of glycosylation type Im)", "congenital disorder of glycosylation type Im)"),
])
def test_medquad_contractions(raw: str, restored: str) -> None:
    assert restore_contractions(raw) == restored


def test_medquad_layout_lines() -> None:
    # 5_NIDDK_QA/0000110.xml: the first item starts the raw line with "- " (was "- - avoiding")
    raw = ("People can keep inguinal hernias from recurring after surgery by\n                \n"
           "- avoiding heavy lifting  - using the legs, not the back, when lifting objects  - not smoking")
    assert answer_lines(raw) == [
        "People can keep inguinal hernias from recurring after surgery by",
        "- avoiding heavy lifting", "- using the legs, not the back, when lifting objects", "- not smoking"]
    # 3_GHR_QA/0000194.xml: 3+ spaces end a block ("Thrive These resources" was glued)
    raw = ("These resources address the diagnosis or management of Cockayne syndrome:  - Genetic Testing "
           "Registry: Cockayne syndrome type C  - MedlinePlus Encyclopedia: Failure to Thrive   These resources "
           "from MedlinePlus offer information about the diagnosis and management of various health conditions:"
           "  - Diagnostic Tests")
    assert answer_lines(raw)[2:] == [
        "- MedlinePlus Encyclopedia: Failure to Thrive",
        "These resources from MedlinePlus offer information about the diagnosis and management of various "
        "health conditions:",
        "- Diagnostic Tests"]
    # mid-sentence (lowercase next, no sentence end before) it is a deleted character, not a break
    assert answer_lines("A clot in the veins deep in the limbs is called   deep vein thrombosis (DVT).") == [
        "A clot in the veins deep in the limbs is called deep vein thrombosis (DVT)."]


def test_medquad_glued_headings() -> None:
    line = ("Your doctor may recommend medicines to lower your cholesterol. Warning Signs or History of Stroke "
            "Experiencing warning signs and having a history of stroke are also risk factors for stroke.")
    assert split_headings(line, line.lower()) == [
        "Your doctor may recommend medicines to lower your cholesterol.", "Warning Signs or History of Stroke",
        "Experiencing warning signs and having a history of stroke are also risk factors for stroke."]
    line = "Know the Signs Knowing the warning signs of stroke can lower your risk."
    assert split_headings(line, line.lower()) == ["Know the Signs", "Knowing the warning signs of stroke can "
                                                  "lower your risk."]
    for sentence in (  # sentences that open with a name are left whole
        "The National Cancer Institute sponsors a quit-smoking website for older adults.",
        "Medicare Advantage Plans are managed by private insurance companies.",
        "Calcium Channel Blockers keep calcium from entering the muscle cells of your heart.",
        "Not a Normal Part of Aging Nearly 1 in 3 American adults have high blood pressure.",
        "African Americans, Hispanics, and Native Americans tend to have more diabetes.",
        "Restoring Blood Flow to the heart is the goal.",
    ):
        assert split_headings(sentence, sentence.lower()) == [sentence]
    # a name that recurs elsewhere on the page is not a glued heading either
    page = "the body mass index chart shows it. your body mass index is 27."
    assert split_headings("The Body Mass Index chart shows it.", page) == ["The Body Mass Index chart shows it."]


def test_medquad_senior_health_page(corpora_dir: Path) -> None:
    [doc] = list(medquad.iter_documents(corpora_dir / "medquad" / "7_SeniorHealth_QA" / "0000066.xml"))
    text = "\n".join(s.text for s in doc.sections)
    assert "\nWarning Signs or History of Stroke\nExperiencing warning signs and having a history" in text
    assert "Know the Signs\nKnowing the warning signs of stroke and controlling stroke's risk factors" in text
    assert "\nHigh Blood Cholesterol\nA high level of total cholesterol" in text
    assert "doesn't mean you'll have a stroke" in text


def test_medquad_deleted_dash_stays_glued(corpora_dir: Path) -> None:
    # The export deleted the em dashes ("pneumonia—the most common type of pneumonia—are"): nothing
    # marks where they were, so the words stay as the data has them.
    [doc] = list(medquad.iter_documents(corpora_dir / "medquad" / "8_NHLBI_QA_XML" / "0000105.xml"))
    assert any("community-acquired pneumoniathe most common type" in s.text for s in doc.sections)


def test_bioasq_snippet_markup_entities_and_labels() -> None:
    assert snippet_text("were observed in 3 patients.<br><b>CONCLUSION</b>: These findings provide evidence") == (
        "were observed in 3 patients.\nCONCLUSION: These findings provide evidence")
    assert snippet_text("database with &amp;gt;60,000 gene sets (p &lt; 0.01)") == (
        "database with >60,000 gene sets (p < 0.01)")
    assert snippet_text("with p<0.05 and x > 3") == "with p<0.05 and x > 3"  # plain text stays as written
    assert snippet_text("to assess CD38 as a therapeutic target.RESULTS: We demonstrated that") == (
        "to assess CD38 as a therapeutic target.\nRESULTS: We demonstrated that")


@pytest.mark.parametrize(("text", "split"), [
    ("remains unclear if this screening is clinically relevant.AIM: To test whether",
     "remains unclear if this screening is clinically relevant.\nAIM: To test whether"),
    ("in current literature.CURRENT KNOWLEDGE AND KEY POINTS: Data", "in current literature.\nCURRENT KNOWLEDGE AND "
     "KEY POINTS: Data"),
    ("drug combinations were compared.Main Outcomes and Measures: The", "drug combinations were compared.\nMain "
     "Outcomes and Measures: The"),
    ("and visualizations.Availability and implementation: The", "and visualizations.\nAvailability and "
     "implementation: The"),
    ("in the U.S.A. Results: were", "in the U.S.A. Results: were"),
    ("See www.Smokefree.gov and Cancer.Net: both", "See www.Smokefree.gov and Cancer.Net: both"),
    ("(e.g.HbA1c: 7%)", "(e.g.HbA1c: 7%)"),
])
def test_run_in_abstract_labels(text: str, split: str) -> None:
    assert split_run_in_labels(text) == split


def test_pubmedqa_run_in_labels(tmp_path: Path) -> None:
    path = tmp_path / "abstracts.jsonl"
    path.write_text('{"pmid": "21402341", "year": 2011, "sections": [{"label": "BACKGROUND", "text": '
                    '"It remains unclear if this screening is clinically relevant.AIM: To test whether it is."}]}\n')
    [doc] = list(pubmedqa.iter_documents(path))
    assert doc.sections[0].text == (
        "It remains unclear if this screening is clinically relevant.\nAIM: To test whether it is.")


def test_beir_sgml_entities(tmp_path: Path) -> None:
    path = tmp_path / "scifact" / "corpus.jsonl"
    path.parent.mkdir()
    path.write_text('{"_id": "1", "title": "Plasma Transforming Growth Factor &bgr;1", '
                    '"text": "&NA; Tumor-derived TGF-&bgr; and &Dgr;Np63 (&foo;).Conclusions:Our study"}\n')
    [doc] = list(beir.iter_documents(path))
    assert doc.title == "Plasma Transforming Growth Factor β1"
    assert doc.sections[0].text == "Tumor-derived TGF-β and ΔNp63 (&foo;).\nConclusions:Our study"
