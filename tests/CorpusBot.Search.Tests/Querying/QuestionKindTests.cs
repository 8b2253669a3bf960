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
}
