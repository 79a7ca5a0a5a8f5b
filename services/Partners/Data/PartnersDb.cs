using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

using Reseller.Partners.ApiKeys;
using Reseller.Partners.Commissions;
using Reseller.Partners.FollowedAccounts;
using Reseller.Partners.Organisations;
using Reseller.Partners.Referrals;
using Reseller.Partners.Users;
using Reseller.Partners.Webhooks.Deliveries;
using Reseller.Partners.Webhooks.Endpoints;
using Reseller.ServiceDefaults.Data;
using Reseller.ServiceDefaults.Mail.Outbox;
using Reseller.ServiceDefaults.Tokens;

namespace Reseller.Partners.Data;

public sealed class PartnersDb(DbContextOptions<PartnersDb> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<PartnerUser> Users => Set<PartnerUser>();
    public DbSet<FollowedAccount> FollowedAccounts => Set<FollowedAccount>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Earning> Earnings => Set<Earning>();
    public DbSet<Statement> Statements => Set<Statement>();
    public DbSet<EarlyCreditNote> EarlyCreditNotes => Set<EarlyCreditNote>();
    public DbSet<ReferralSignup> ReferralSignups => Set<ReferralSignup>();
    public DbSet<UserToken> UserTokens => Set<UserToken>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();

    /// <summary>The keys that encrypt the mail outbox, shared by every replica.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PartnersDb).Assembly);
        modelBuilder.AddPlatformTables();
        modelBuilder.AddMailOutbox();
        modelBuilder.AddTokenIssuerTables();
    }
}
