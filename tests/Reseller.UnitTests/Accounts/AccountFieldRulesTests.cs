using Reseller.Accounts.ResoldAccounts;

namespace Reseller.UnitTests.Accounts;

public sealed class AccountFieldRulesTests
{
    [Theory]
    [InlineData("abc", true)]
    [InlineData("my-agency-client-01", true)]
    [InlineData("ab", false)]
    [InlineData("-abc", false)]
    [InlineData("abc-", false)]
    [InlineData("ABC", false)]
    [InlineData("a_bc", false)]
    [InlineData("a.bc", false)]
    public void Account_names_are_3_to_63_lowercase_dns_characters(string name, bool valid)
    {
        Assert.Equal(valid, AccountFieldRules.IsAccountName(name));
        Assert.False(AccountFieldRules.IsAccountName(new string('a', 64)));
        Assert.True(AccountFieldRules.IsAccountName(new string('a', 63)));
    }

    [Theory]
    [InlineData("Europe/Paris", true)]
    [InlineData("America/Argentina/Buenos_Aires", true)]
    [InlineData("Mars/Olympus", false)]
    [InlineData("", false)]
    public void Time_zones_are_iana_names(string zone, bool valid)
    {
        Assert.Equal(valid, AccountFieldRules.IsTimeZone(zone));
    }
}
