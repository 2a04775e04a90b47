"""Chart subtitles name sources as a reader knows them: publisher and date, not the book's keys."""

from bistand.data.sources import source_label


def test_publisher_and_date_spelled_out():
    # sources.csv: str2022web, Strängnäs kommun, 2022-02-08
    assert source_label("str2022web") == "Strängnäs kommun, 8 February 2022"


def test_a_republisher_follows_the_publisher_and_dates_are_grouped():
    # rf_sod_2018 and rf_sod_2021: Regionfakta (source: Socialstyrelsen), 2018-10-12 and 2021-06-18;
    # rf_got_2024 has no full date, only its year (the '2024 edition'), as the reference list gives it
    assert source_label("rf_sod_2018", "rf_sod_2021", "rf_got_2024") == (
        "Socialstyrelsen via Regionfakta, 12 October 2018, 18 June 2021, 2024"
    )


def test_a_source_without_a_date_says_so_as_the_reference_list_does():
    assert source_label("lkpposten") == "Linköpings-Posten, n.d."


def test_a_source_that_states_only_a_year_gives_it():
    # ds2024: no full date; its series number Ds 2024:29 states the year
    assert source_label("ds2024") == "Regeringskansliet, 2024"
