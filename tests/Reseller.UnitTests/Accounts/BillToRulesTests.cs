using Reseller.Accounts.Lifecycle;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.UnitTests.Accounts;

/// <summary>
/// A customer's bill-to: its VAT id must be of its country, since the reverse charge (0 % VAT) follows the country. A
/// French business typing Belgium with its French id was invoiced without VAT; Greek ids start with EL.
/// </summary>
public sealed class BillToRulesTests
{
    [Theory]
    [InlineData("DE", "DE123456789", true)]
    [InlineData("DE", "de 123 456 789", true)]
    [InlineData("GR", "EL123456789", true)]
    [InlineData("BE", "FR98765432109", false)]
    [InlineData("GR", "GR123456789", true)] // the ISO code typed for EL: the same country
    [InlineData("FR", null, true)]
    public void A_vat_id_must_be_of_the_bill_to_country(string country, string? vatId, bool valid)
    {
        var errors = new ValidationErrors();

        new BillToRequest("Agence Étoile SARL", "3 place Bellecour\n69002 Lyon", country, vatId).Validate(errors);

        Assert.Equal(valid, errors.IsEmpty);
        Assert.Equal(!valid, errors.Has("bill_to.vat_id"));
    }

    [Fact]
    public void A_vat_id_is_kept_without_spaces_in_capitals()
    {
        Assert.Equal("DE123456789", new BillToRequest("GmbH", "Königstraße 5", "DE", "de 123 456 789").ToBillTo().VatId);
    }
}
