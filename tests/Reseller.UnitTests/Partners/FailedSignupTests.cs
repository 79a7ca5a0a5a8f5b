using Reseller.Partners.Referrals;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.UnitTests.Partners;

public sealed class FailedSignupTests
{
    [Fact]
    public void A_signup_refused_by_billing_or_accounts_opened_nothing()
    {
        Assert.True(FailedSignup.NothingOpened(ProblemException.Conflict("card-declined", "The card was declined."), accountsAsked: false));
        Assert.True(FailedSignup.NothingOpened(DependencyFailures.Unavailable(), accountsAsked: false));
        Assert.True(FailedSignup.NothingOpened(ProblemException.Conflict("name-taken", "The name is taken."), accountsAsked: true));
    }

    [Fact]
    public void A_signup_whose_answer_from_accounts_was_lost_may_have_opened_its_account()
    {
        Assert.False(FailedSignup.NothingOpened(DependencyFailures.Unavailable(), accountsAsked: true));
        Assert.False(FailedSignup.NothingOpened(new HttpRequestException(HttpRequestError.InvalidResponse, "unreadable"), accountsAsked: true));
    }
}
