"""Cleaning rules, each on a few real lines from the seeds."""

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from datetime import date

from kb.pipeline import extract
from kb.pipeline.clean import clean


def test_date_prefix_is_read_and_cut_from_the_first_line() -> None:
    c = clean(" date 2019-01-04 Canada and a dozen Latin American governments have urged.")
    assert c.published == date(2019, 1, 4)
    assert c.body.startswith("Canada and")


def test_dateline_and_rt_debris() -> None:
    raw = (
        "Peru invites China, Russia to Lima Group meeting so they can be ‘part of solution’ in "
        "Venezuela\n\n"
        "4 Jul, 2019 02:02 / Updated 5 years ago\n\nWith Caracas still locked in a stalemate.\n\n"
        "Also on rt.com Peru to cancel Venezuelan diplomats’ visas\n\n"
        "Subscribe to RT newsletter to get stories the mainstream media won’t tell you."
    )
    c = clean(raw)
    assert c.published == date(2019, 7, 4)
    assert c.title and c.title.startswith("Peru invites China")
    assert c.publisher == "RT"
    assert c.boilerplate_lines == (3, 7, 9)
    assert "rt.com" not in c.body and "Subscribe" not in c.body


def test_bbc_debris_caption_and_byline() -> None:
    raw = (
        "Venezuela opposition speaking to army\n\nJuan Guaidó in Caracas, 26 JanuaryImage "
        "copyright\nGetty Images\n\n"
        "Image caption\n\nMr Guaidó has declared himself interim leader of Venezuela\n\n"
        "Media playback is unsupported on your device\n\nBy James Landale, BBC diplomatic "
        "correspondent\n\n"
        "Leave a Reply\n\nYour email address will not be published."
    )
    c = clean(raw)
    assert c.title == "Venezuela opposition speaking to army"
    assert c.publisher == "BBC"
    kinds = {c.body[b.start : b.end]: b.kind for b in c.blocks}
    assert kinds["Mr Guaidó has declared himself interim leader of Venezuela"] == "caption"
    assert "Image" not in c.body and "Leave a Reply" not in c.body
    assert [c.body[s:e] for s, e in c.excluded] == ["James Landale"]


def test_photo_credit_caption_and_told_publisher() -> None:
    raw = (
        "The president of Mexico, Manuel Lopez Obrador, pictured on January 12, invited Maduro to "
        "his "
        "inauguration. (Christian Chavez / The Associated Press)\n\nA Canadian official told CBC "
        "News that."
    )
    c = clean(raw)
    assert c.blocks[0].kind == "caption"
    assert [c.body[s:e] for s, e in c.excluded] == ["(Christian Chavez / The Associated Press)"]
    assert c.publisher == "CBC News"
    assert c.title is None


def test_nav_icons_repeated_headline_and_pull_quote() -> None:
    raw = (
        "icon caret Arrow Down Arrow Left Arrow Right Arrow Up Line Camera icon set Facebook "
        "Print RSS Search Share\n"
        "A Twist in Caracas: Is a Venezuela-U.S. Reboot on the Cards?\n"
        "A Twist in Caracas: Is a Venezuela-U.S. Reboot on the Cards?\n\n"
        "Venezuela ... has seen [oil] production tumble from around 3.4 million barrels per "
        "day.\n\n"
        "Venezuela, however, has seen production tumble from around 3.4 million barrels per day. "
        "More text.\n\n"
        "As Crisis Group has previously argued, losers must be certain."
    )
    c = clean(raw)
    assert c.title == "A Twist in Caracas: Is a Venezuela-U.S. Reboot on the Cards?"
    assert c.boilerplate_lines == (1, 3, 5)
    assert c.publisher == "Crisis Group"


def test_offsets_map_body_back_to_raw() -> None:
    raw = " date 2019-01-04 First line.\n\n\n  Second line here.  \nThird."
    c = clean(raw)
    for run in c.offsets:
        assert (
            c.body[run.body_start : run.body_start + run.length]
            == raw[run.raw_start : run.raw_start + run.length]
        )


def test_a_press_releases_end_marks_are_debris() -> None:
    text = "Cairo, 3 May\n\nThe Ministry said the talks went well.\n\n-ENDS-\n\n###\n"
    assert not any(a.name in ("ENDS", "###") for a in extract(text).actors)
    assert "ENDS" not in clean(text).body


def test_a_long_headline_in_title_case_is_a_heading_and_names_no_actor() -> None:
    raw = (
        "Security Council\n\n"
        "Gangs Tighten Grip on the Capital as Multinational Mission Struggles to Scale Up, "
        "Special Representative Tells Security Council\n\n"
        "Armed gangs now control most of the capital, the envoy said on Monday."
    )
    cleaned = clean(raw)
    kinds = [(b.kind, cleaned.body[b.start : b.start + 5]) for b in cleaned.blocks]
    assert ("heading", "Gangs") in kinds
    names = {a.name for a in extract(raw).actors}
    assert "Scale Up" not in names and "Tells Security Council" not in names


def test_photographers_a_name_and_place_byline_and_a_writers_bio_are_credits() -> None:
    text = (
        "Salaries unpaid in Tripoli\n\nNadia Belkacem-Rossi | Tripoli\n\n"
        "Photographs by Idriss Ag Mohamed-Lamine\n\n"
        "Civil servants have not been paid for three months.\n\n"
        "Photo caption: Workers queue at a bank. Photograph: Karim Ben Ammar-Saidi\n\n"
        "Nadia Belkacem-Rossi is our North Africa correspondent, based in Tunis."
    )
    names = {a.name for a in extract(text).actors}
    assert not names & {"Nadia Belkacem-Rossi", "Idriss Ag Mohamed-Lamine", "Karim Ben Ammar-Saidi"}


def test_a_captions_bracketed_photographer_credit_lines_and_a_bylined_writers_bio() -> None:
    text = (
        "Vote count\n\nBy Ximena Beatriz Olaechea Robles\n\nThe count went on.\n\n"
        "Photo: Officials count ballots in Santiago. (Camila Fuentealba Rojas)\n\n"
        "Supporters meet in Créteil. Credit: Dmitri Lacroix-Thanh\n\n"
        "The party said it would appeal.\n\n--With assistance from Óscar Mendieta Salas.\n\n"
        "Ximena Beatriz Olaechea Robles is a senior fellow with the Americas Program."
    )
    names = {a.name for a in extract(text).actors}
    credits = {
        "Ximena Beatriz Olaechea Robles",
        "Camila Fuentealba Rojas",
        "Dmitri Lacroix-Thanh",
        "Óscar Mendieta Salas",
    }
    assert not names & credits


def test_agency_photo_credits_in_brackets_live_blog_writers_and_a_caption_for_an_outlet() -> None:
    text = (
        "Border standoff: live\n\n"
        "Helena Marsh-Okafor in Cúcuta and Pedro Luis Zambrano (earlier)\n\n"
        "Trucks wait at a checkpoint. (Photo: A convoy outside El Obeid, August 1, 2025. "
        "REUTERS/Ahmed Gasim Elnour)\n\n"
        "A family waits at the post in Pacaraima. Tiago Andrade Bezerra for The Long Read)\n\n"
        "Aid workers said the road was closed."
    )
    names = {a.name for a in extract(text).actors}
    credits = {
        "Helena Marsh-Okafor",
        "Pedro Luis Zambrano",
        "Ahmed Gasim Elnour",
        "Tiago Andrade Bezerra",
    }
    assert not names & credits


def test_a_contact_line_with_an_e_mail_address_is_a_credit() -> None:
    text = (
        "Oil to Cuba\n\nTankers sailed on Monday, officials said.\n\n"
        "To contact the reporters on this story:\n"
        "Catalina Rivas Ponce in Caracas at crivasponce1@bloomberg.net;\n"
    )
    assert "Catalina Rivas Ponce" not in {a.name for a in extract(text).actors}


def test_a_releases_press_contact_with_a_phone_or_e_mail_is_a_credit() -> None:
    text = (
        "Geneva talks end\n\nThe mission said on Monday that Commissioner Ana Ruiz will report "
        "in March.\n\n"
        "For more information and media requests, please contact: Lucía Ferrand-Okoye "
        "(+41 22 917 0000 / media@ohchr.example)\n"
        "Media contact: Tomás Vidal Ochoa, press officer, on +41 22 917 1111\n"
    )
    names = {a.name for a in extract(text).actors}
    assert "Lucía Ferrand-Okoye" not in names
    assert "Tomás Vidal Ochoa" not in names
    assert "Ana Ruiz" in names


def test_caption_photographers_editors_and_producers_are_credits() -> None:
    text = (
        "Exiles in Lima\n\nPhotographs by Diego Huamán Quispe\n\n"
        "Published 11 hours ago · Image: Boats at the port of Necoclí (Juan Pablo Osorio)\n\n"
        "The market opens at dawn, said vendor Carmen Rojas.\n\n"
        "Arepas on the griddle before dawn. (Diego Huamán Quispe)\n\n"
        "Produced by Joel Abernathy-Osei · Audio engineer: Wu Pei-shan · 31 min\n\n"
        "HOST: The Strait Line is produced by Joel Abernathy-Osei. Subscribe now.\n\n"
        "(Editor: Tsai Mei-ling)\n"
    )
    names = {a.name for a in extract(text).actors}
    for credit in ("Diego Huamán Quispe", "Juan Pablo Osorio", "Joel Abernathy-Osei",
                   "Wu Pei-shan", "Tsai Mei-ling"):  # fmt: skip
        assert credit not in names
    assert "Carmen Rojas" in names


def test_piped_bylines_and_a_captions_photographer_after_a_pipe_or_photo_label() -> None:
    text = (
        "Border tensions\n\n"
        "By Valeria Montes de Oca Ríos | Published 6:15 PM EDT, Sunday | Updated 8:02 PM EDT\n\n"
        "MANILA, 9 May 2026 — 11:05 a.m. (UTC+8) | Reporting by Ana Liza Buenaventura-Ocampo; "
        "editing by Kenji Watanabe-Hart\n\n"
        "Minister Rosa Aguilar said the border would stay open.\n\n"
        "Arrivals queue at the centre on Monday. PHOTO | Otieno Mwangi-Were\n\n"
        "The minister receives visitors in a borrowed office. | GABRIELA OTERO-SUCRE\n\n"
        "By: Lina Marcela Guauña Yule | Photo: Courtesy CRIC\n"
    )
    names = {a.name for a in extract(text).actors}
    for credit in ("Valeria Montes de Oca Ríos", "Ana Liza Buenaventura-Ocampo",
                   "Kenji Watanabe-Hart", "Otieno Mwangi-Were", "GABRIELA OTERO-SUCRE",
                   "Gabriela Otero-Sucre", "Lina Marcela Guauña Yule"):  # fmt: skip
        assert credit not in names
    assert "Rosa Aguilar" in names


def test_a_wire_trailer_written_as_a_sentence_credits_staff() -> None:
    text = (
        "Border clash leaves two dead\n\nThe ministry said talks would go on.\n\n"
        "Dariga Abenova-Hale reported from Kok-Tash and Bishkek. Editing by Tomas Verheyen.\n"
    )
    x = extract(text)
    assert "Editing by" not in x.body
    assert not any(a.name in ("Tomas Verheyen", "Dariga Abenova-Hale") for a in x.actors)


def test_a_name_over_a_date_line_and_an_interviews_conductor_are_staff() -> None:
    text = (
        "Politics | Latin America\n\nFormer coordinator: the diagnosis was right\n\n"
        "Ines Albrecht-Ruiz\n08/12/2022\n\nIn August 2017, a dozen governments met in Lima. "
        "Chilean diplomat Ignacio Larraín del Solar spoke to us.\n\n"
        "The interview was conducted by Tomas Okafor-Lind and has been edited for length.\n"
    )
    x = extract(text)
    assert [a.name for a in x.actors] == ["Ignacio Larraín del Solar"]


def test_an_outlets_dateline_and_colon_credits_name_no_one_and_a_capital_still_speaks() -> None:
    text = (
        "Talks resume\n\nAddis Ababa (Addis Zena) - The third round of talks began on Monday.\n\n"
        "Niamey (AFP) - Niger kept the border shut. Niamey has accused Cotonou of hosting "
        "“terrorists” on its soil.\n\n(MHA) Reporting: Yusuf Kaan Özdemir | Editing: Elif Naz "
        "Karaca\n"
    )
    x = extract(text)
    assert [a.name for a in x.actors] == []
    assert [q.speaker for q in x.quotes] == ["Niger"]


def test_a_briefing_reporters_question_label_credits_staff() -> None:
    text = (
        "Transcript of Weekly Media Briefing by the Official Spokesperson (excerpt)\n\n"
        "New Delhi, 14 August\n\nOfficial Spokesperson Shri Anil Varma: Good afternoon, "
        "friends. I will take your questions first.\n\nQuestion (Li Wen, Xinhua): The pass also "
        "opens to trade with China. Did India consult Beijing?\n\nOfficial Spokesperson Shri "
        "Anil Varma: The pass has been a trade route for decades.\n"
    )
    assert [a.name for a in extract(text).actors] == ["Shri Anil Varma"]


def test_a_line_of_several_staff_credits_is_all_staff() -> None:
    text = (
        "Talks resume in the capital\n\n"
        "Presented by Amara Okonkwo-Diallo. Produced by Pavel Sorokin-Vidal. Transcript: "
        "Lena Brandt.\n\n"
        "Live coverage edited by Ines Marquez and Tomás Oyelaran, with reporting from Bissau "
        "by Malam Sanca\n\n"
        "Prime Minister Elena Brandt-Ruiz said the talks would resume on Monday."
    )
    assert [a.name for a in extract(text).actors] == ["Elena Brandt-Ruiz"]


def test_a_correspondents_tag_and_a_photographer_after_a_byline_are_staff() -> None:
    text = (
        "CHISINAU, 9 January. /Corr. Andrei Volkonsky/. The authorities prolonged the "
        "emergency on Thursday, Deputy Minister Ion Cebotari said.\n\n"
        "By Clara Ibáñez-Moreau | Photographs by Yusuf Ngarlejy-Abakar\n\n"
        "Minister Ion Cebotari said the gas would return."
    )
    assert [a.name for a in extract(text).actors] == ["Ion Cebotari"]


def test_a_related_stories_list_and_a_copied_link_are_debris() -> None:
    raw = (
        "Thousands flee highland villages\n\n"
        "The army said the operation targeted armed separatists only.\n\n"
        "Related Stories\n"
        "Fighters release New Zealand pilot after 19 months\n"
        "Why the conflict rarely makes the news\n\n"
        "Australia urges restraint\n\n"
        "Link Copied!\n\n"
        "A spokesperson said Australia had raised the protection of civilians."
    )
    c = clean(raw)
    assert "New Zealand" not in c.body and "Link Copied" not in c.body
    assert "Australia urges restraint" in c.body  # a subhead after a blank line stays
    assert [x.name for x in extract(raw).countries] == ["Australia"]


def test_a_bylined_writer_named_again_in_the_body_is_staff() -> None:
    raw = (
        "Ombudswoman warns of new displacement\n\n"
        "By Leila Okafor-Brandt\n\n"
        "The national ombudswoman, Iris Patiño, has spent the past week in the region. NPR's "
        "Leila Okafor-Brandt spoke with her by phone from Cúcuta."
    )
    names = {a.name for a in extract(raw).actors if a.kind == "person"}
    assert "Leila Okafor-Brandt" not in names
