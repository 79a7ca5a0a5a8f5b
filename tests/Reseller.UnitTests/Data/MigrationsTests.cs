using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.Data;
using Reseller.Billing.Data;
using Reseller.Credits.Data;
using Reseller.Partners.Data;
using Reseller.ServiceDefaults.Data;

namespace Reseller.UnitTests.Data;

/// <summary>A model change without its migration would stop the service at start-up; catch it here instead.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void Accounts_migrations_match_the_model()
    {
        using var db = DesignTimeDb.Create<AccountsDb>(o => new AccountsDb(o));
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void Billing_migrations_match_the_model()
    {
        using var db = DesignTimeDb.Create<BillingDb>(o => new BillingDb(o));
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void Credits_migrations_match_the_model()
    {
        using var db = DesignTimeDb.Create<CreditsDb>(o => new CreditsDb(o));
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void Partners_migrations_match_the_model()
    {
        using var db = DesignTimeDb.Create<PartnersDb>(o => new PartnersDb(o));
        Assert.False(db.Database.HasPendingModelChanges());
    }
}
