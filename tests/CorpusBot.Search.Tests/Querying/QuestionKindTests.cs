using CorpusBot.Search.Querying;

namespace CorpusBot.Search.Tests.Querying;

public class QuestionKindTests
{
    [Theory]
    [InlineData("How much did the new airport cost?")]
    [InlineData("How much will the coach be paid?")]
    [InlineData("How much money did the robber take?")]
    [InlineData("What was the price of a ticket?")]
    public void How_much_something_cost_or_paid_asks_for_money(string question) =>
        Assert.Equal(AnswerKind.Money, QuestionKind.Of(question));

    [Theory]
    [InlineData("How much rain fell in March?")]
    [InlineData("How many votes did Davis get?")]
    public void How_much_of_something_else_and_how_many_ask_for_a_number(string question) =>
        Assert.Equal(AnswerKind.Number, QuestionKind.Of(question));

    [Theory]
    [InlineData("The operating budget would be $451,500 a year.")]
    [InlineData("The act would produce 17 million dollars.")]
    [InlineData("Tickets cost \u00A312 at the door.")]
    public void A_sum_of_money_offers_a_money_answer(string window) =>
        Assert.True(QuestionKind.Offers(AnswerKind.Money, window));

    [Theory]
    [InlineData("Deaf children between 6 and 13 years of age would attend.")]
    [InlineData("The multi-million-dollar airport opened in 1961.")]
    public void Numbers_that_are_not_money_do_not(string window) =>
        Assert.False(QuestionKind.Offers(AnswerKind.Money, window));

    [Theory]
    [InlineData("What is the title of Erich Maria Remarque's new novel?")]
    [InlineData("What is the name of the film they screened?")]
    [InlineData("Which play opened on Broadway last week?")]
    public void The_title_or_name_of_a_work_asks_for_a_title(string question) =>
        Assert.Equal(AnswerKind.Title, QuestionKind.Of(question));

    [Theory]
    [InlineData("What is the name of the new mayor?")]
    [InlineData("What was her name?")]
    [InlineData("What is the name of Britain's first atomic submarine?")]
    public void A_name_question_asks_for_a_name(string question) =>
        Assert.Equal(AnswerKind.Name, QuestionKind.Of(question));

    [Fact]
    public void A_one_word_name_inside_a_sentence_answers_a_name_question_but_not_a_who_question()
    {
        const string question = "What is the name of Britain's first atomic submarine?";
        const string window = "Vital secrets of Britain's first atomic submarine, the Dreadnought, were stolen.";
        Assert.True(QuestionKind.Offers(AnswerKind.Name, window, question));
        Assert.False(QuestionKind.Offers(AnswerKind.Person, window, question));
        Assert.True(QuestionKind.Offers(AnswerKind.Name, "The mayor is Ivan Allen Jr. of Atlanta.", "What is the name of the new mayor?"));
        Assert.True(QuestionKind.Offers(AnswerKind.Name, "The ship was launched by Mr. Laughlin.", question));
    }

    [Theory]
    [InlineData("Vital secrets of Britain's first atomic submarine were stolen.")]
    [InlineData("Britain's first atomic submarine was launched. Secrets were stolen on Monday.")]
    [InlineData("Britain's first atomic submarine was launched. \u201CSecrets were stolen,\u201D the report found.")]
    public void Sentence_openings_days_and_the_question_s_own_words_are_not_a_name(string window) =>
        Assert.False(QuestionKind.Offers(AnswerKind.Name, window, "What is the name of Britain's first atomic submarine?"));

    [Fact]
    public void A_quoted_or_italic_title_answers_a_title_question_and_a_quoted_remark_does_not()
    {
        const string question = "What is the title of Remarque's new novel?";

        Assert.True(QuestionKind.Offers(AnswerKind.Title, "Clerfayt of \u201CHeaven Has No Favorites\u201D resembles Portago.", question));
        Assert.True(QuestionKind.Offers(AnswerKind.Title, "His new novel, *Heaven Has No Favorites*, is out.", question));
        Assert.False(QuestionKind.Offers(AnswerKind.Title, "\u201CThis is not a good book at all\u201D, the critic said of Remarque.", question));
        Assert.False(QuestionKind.Offers(AnswerKind.Title, "Marquis Alfonso De Portago died in the Mille Miglia.", question));
    }

    [Fact]
    public void The_name_the_question_asks_about_is_not_an_answer_to_who()
    {
        const string question = "Who defended Erich Maria Remarque?";

        Assert.False(QuestionKind.Offers(AnswerKind.Person, "Erich Maria Remarque was in court on Monday.", question));
        Assert.True(QuestionKind.Offers(AnswerKind.Person, "Charles Bellows spoke for Erich Maria Remarque.", question));
    }

    [Fact]
    public void A_number_the_question_gives_is_not_an_answer_to_how_many()
    {
        const string question = "How many of the 40 boats finished?";

        Assert.False(QuestionKind.Offers(AnswerKind.Number, "All 40 boats started the race.", question));
        Assert.True(QuestionKind.Offers(AnswerKind.Number, "Of the 40 boats, 31 finished.", question));
        Assert.Equal(QuestionKind.Offers(AnswerKind.Number, "Of the 40 boats, 31 finished.", question), QuestionKind.Offering(AnswerKind.Number, question)!("Of the 40 boats, 31 finished."));
    }

    [Fact]
    public void An_age_after_a_name_answers_how_old_but_not_how_many()
    {
        const string window = "Ierulli, 29, has been practicing in Portland since November, 1959.";

        Assert.Equal(AnswerKind.Age, QuestionKind.Of("How old is Ierulli?"));
        Assert.True(QuestionKind.Offers(AnswerKind.Age, window, "How old is Ierulli?"));
        Assert.False(QuestionKind.Offers(AnswerKind.Number, window, "How many children does Ierulli have?"));
        Assert.True(QuestionKind.Offers(AnswerKind.Number, "He is married and the father of three children.", "How many children does Ierulli have?"));
    }

    [Theory]
    [InlineData("Of the 40 boats, 31 finished.")]
    [InlineData("Smith won 1,119 votes, Jones 845.")]
    public void A_count_between_commas_without_a_name_before_it_is_still_a_count(string window) =>
        Assert.True(QuestionKind.Offers(AnswerKind.Number, window, "How many finished?"));

    [Theory]
    [InlineData("He played the Brahms Concerto with the Chicago Symphony Orchestra in Orchestra Hall.")]
    [InlineData("The Orioles gathered only seven blows.")]
    public void Institutions_works_and_a_capitalised_opening_word_are_not_people(string window) =>
        Assert.False(QuestionKind.Offers(AnswerKind.Person, window, "Who conducted the orchestra?"));

    [Theory]
    [InlineData("The orchestra was conducted by Walter Hendl.")]
    [InlineData("The Rev. John A. Laughlin was suggested.")]
    [InlineData("Mr. Hawksley was suggested.")]
    public void A_persons_name_answers_who(string window) =>
        Assert.True(QuestionKind.Offers(AnswerKind.Person, window, "Who conducted the orchestra?"));

    [Fact]
    public void The_person_asked_about_under_a_fuller_name_is_not_an_answer_to_who() =>
        Assert.False(QuestionKind.Offers(AnswerKind.Person, "It is not news that Nathan Milstein is a wizard of the violin.", "Who conducted when Milstein played?"));

    [Theory]
    [InlineData("Hartsfield has been mayor of Atlanta since 1937.")]
    [InlineData("The term expires after Jan. 1.")]
    [InlineData("He returned after two years abroad.")]
    public void Since_or_after_a_time_is_no_reason(string window) =>
        Assert.False(QuestionKind.Offers(AnswerKind.Reason, window));

    [Theory]
    [InlineData("Since the railroad cannot reduce salaries, it must furlough men.")]
    [InlineData("A drastic decline in freight loading due principally to the slump has necessitated this.")]
    [InlineData("He resigned because of ill health.")]
    public void Words_of_cause_offer_a_reason(string window) =>
        Assert.True(QuestionKind.Offers(AnswerKind.Reason, window));
}
