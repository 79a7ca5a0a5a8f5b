using Reseller.Contracts.Billing;

namespace Reseller.UnitTests.Billing.Documents;

public sealed class CardBrandNamesTests
{
    [Theory]
    [InlineData("visa", "Visa")]
    [InlineData("amex", "American Express")]
    [InlineData("MasterCard", "Mastercard")]
    [InlineData("elo", "Elo")]
    [InlineData("", "")]
    public void A_document_prints_the_networks_own_name_not_the_providers_code(string brand, string printed) =>
        Assert.Equal(printed, CardBrandNames.Display(brand));
}
