"""Quote and speaker rules on real sentences from the seeds."""

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from kb.pipeline import extract


def quotes(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract(text).quotes]


def test_said_after_and_said_before() -> None:
    assert quotes('"What a display of humiliating subordination!" Arreaza said on Twitter.') == [
        ("What a display of humiliating subordination!", "Arreaza")
    ]
    assert (
        quotes("“We reject this,” wrote Sola. Argentine Foreign Minister Felipe Sola spoke.")[0][1]
        == "Felipe Sola"
    )


def test_pronoun_resolves_to_last_person_named() -> None:
    text = (
        "People have continued to flee, said William Spindler from the office of the UN High "
        "Commissioner.\n\n"
        "“The latest figures we have are for December 5,” he told CBC News."
    )
    assert quotes(text) == [("The latest figures we have are for December 5,", "William Spindler")]


def test_participle_cue_takes_the_sentence_subject() -> None:
    text = (
        "Mexican Foreign Minister Marcelo Ebrard joined the condemnation of the attempt to close "
        "the assembly of "
        "Venezuela, saying, “the legitimate functioning of the legislative branch is an "
        "inviolable pillar of democracies.”"
    )
    assert quotes(text)[0][1] == "Marcelo Ebrard"


def test_wrong_way_marks_and_continuation_paragraphs() -> None:
    text = (
        "Diosdado Cabello, a leading figure, denounced the allies. “If the ambassador has said "
        "some ‘Guai idiocy’, "
        "we are still there, “Cabello said.\n\n"
        "Opposition leader Juan Guaidó writes: “We have had clandestine meetings with members of "
        "the armed forces,” "
        "Mr Guaidó writes.\n\n“The military’s withdrawal of support is crucial to enabling a "
        "change in government.”"
    )
    got = quotes(text)
    assert got[0] == (
        "If the ambassador has said some ‘Guai idiocy’, we are still there,",
        "Diosdado Cabello",
    )
    assert got[-1][1] == "Juan Guaidó"


def test_scare_quotes_are_dropped() -> None:
    text = (
        "It was condemned by governments sympathetic to the “Bolivarian Revolution”. Mexico and "
        "Uruguay have "
        "announced plans for a conference of “neutral” countries. Monthly portions are called "
        "“CLAP boxes”."
    )
    assert quotes(text) == []


def test_short_quote_with_a_cue_is_kept() -> None:
    text = (
        "Geoff Ramsey, a Venezuela researcher at the Washington Office on Latin America, "
        'called the optics "terrible."'
    )
    assert quotes(text) == [("terrible.", "Geoff Ramsey")]


def test_a_one_word_label_is_not_a_quote() -> None:
    text = (
        "In Caracas, Foreign Minister Ana Ruiz called the bloc a “cartel” acting on orders from "
        "abroad. In June, she was labelled a “traitor” by officials. The premier called Tomas "
        "Vidal “uncle” during the call."
    )
    assert quotes(text) == []


def test_a_one_word_quote_after_called_a_is_kept() -> None:
    text = "Ana Ruiz installed what she called a “civilian-military” government in 2007."
    assert [t for t, _ in quotes(text)] == ["civilian-military"]


def test_a_short_sentence_quoted_whole_is_somebodys_words() -> None:
    text = (
        "Prime Minister Abiy Ahmed welcomed the deal. “This is a victory for all Ethiopians,” "
        "he told parliament. “No one lost.”"
    )
    assert quotes(text)[-1] == ("No one lost.", "Abiy Ahmed")


def test_a_short_quote_inside_a_sentence_is_still_a_scare_quote() -> None:
    text = "The minister called the protest “No Entry” and left."
    assert quotes(text) == []


def test_guillemets_are_quote_marks() -> None:
    text = (
        "The Minister of Foreign Affairs, Abdoulaye Diop-Traoré, received the ambassador of "
        "Algeria.\n\n« Mali will never accept interference in its internal affairs », declared "
        "the minister at the end of the audience."
    )
    assert quotes(text) == [
        ("Mali will never accept interference in its internal affairs", "Abdoulaye Diop-Traoré")
    ]


def test_low_opening_marks_pair_with_the_high_closing_ones() -> None:
    # Indonesian, German and Polish copy opens with „ and closes with “ (or ”).
    text = (
        "The lawyer of the petitioner, Yulius Tabuni-Wenda, spoke to the court. „We found at "
        "least 11,000 ballots which were already punched before the voting day,“ affirmed "
        "Tabuni-Wenda."
    )
    assert quotes(text) == [
        (
            "We found at least 11,000 ballots which were already punched before the voting day,",
            "Yulius Tabuni-Wenda",
        )
    ]


def test_a_dialogue_paragraph_opened_by_a_dash_is_speech() -> None:
    # Russian copy in translation: "— A, — declared X. — B." and a colon's "…:\n\n— C."
    text = (
        "The head of the region, Gennady Rusnak-Volkov, held a briefing on Monday.\n\n"
        "— The boiler houses work on coal, the water is given by schedule, — declared "
        "Rusnak-Volkov. — We have reserves of coal for about 50 days, not more.\n\n"
        "A worker of the stopped plant, who refused to name himself, was short:\n\n"
        "— On television they say that everything will be good.\n\n"
        "— With inputs from agencies"
    )
    assert quotes(text) == [
        (
            "The boiler houses work on coal, the water is given by schedule,",
            "Gennady Rusnak-Volkov",
        ),
        ("We have reserves of coal for about 50 days, not more.", "Gennady Rusnak-Volkov"),
        ("On television they say that everything will be good.", None),
    ]


def test_a_speech_verb_closes_a_dialogue_dash_with_no_comma_before_it() -> None:
    # Spanish copy in translation: "— A — says X, while … — B."
    text = (
        "Yesenia Cárdenas Ruiz came back through the jungle with her daughter.\n\n"
        "— We went up with the dream and we come down with the debt — says Cárdenas, while "
        "she looks for a dry place. — In Mexico they told us there was no more appointment."
    )
    assert quotes(text) == [
        ("We went up with the dream and we come down with the debt", "Yesenia Cárdenas Ruiz"),
        ("In Mexico they told us there was no more appointment.", "Yesenia Cárdenas Ruiz"),
    ]


def test_marks_read_as_quote_marks_stay_as_written_in_the_quotes_text() -> None:
    # The text of a quote is the body's own: a „low mark“ inside it is not rewritten.
    text = (
        "“He called it „a fraud“ and left,” said Ana Ruiz-Kettunen. „We will see what "
        "happens next,“ she added."
    )
    assert quotes(text) == [
        ("He called it „a fraud“ and left,", "Ana Ruiz-Kettunen"),
        ("We will see what happens next,", "Ana Ruiz-Kettunen"),
    ]
