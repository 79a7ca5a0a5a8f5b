using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using Reseller.Accounts.ResoldAccounts;

namespace Reseller.Accounts.Listing;

/// <summary>
/// Stored generated columns the list sorts and searches on, each sort with a (partner_id, key…, id) index for keyset
/// pages, and a trigram index for q (pg_trgm is enabled by the migration that adds them).
/// </summary>
public sealed class AccountListConfiguration : IEntityTypeConfiguration<Account>
{
    public const string Cadence = "ListCadence";
    public const string Contacts = "ListContacts";
    public const string Seats = "ListSeats";
    public const string Expires = "ListExpires";
    public const string Search = "ListSearch";

    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.Property<string>(Cadence).HasComputedColumnSql("(plan ->> 'Cadence')", stored: true);
        builder.Property<int>(Contacts).HasComputedColumnSql("COALESCE((plan ->> 'Contacts')::integer, 0)", stored: true);
        builder.Property<int>(Seats).HasComputedColumnSql("COALESCE((plan ->> 'Seats')::integer, 0)", stored: true);
        builder.Property<DateTimeOffset>(Expires).HasComputedColumnSql("COALESCE(current_period_end, '9999-12-31 00:00:00+00'::timestamptz)", stored: true);
        builder.Property<string>(Search).HasComputedColumnSql("lower(name || ' ' || customer_name || ' ' || customer_email)", stored: true);

        builder.HasIndex(a => new { a.PartnerId, a.Name }).HasDatabaseName("ix_accounts_list_name");
        builder.HasIndex(nameof(Account.PartnerId), Contacts, Seats, nameof(Account.Id)).HasDatabaseName("ix_accounts_list_plan_size");
        builder.HasIndex(a => new { a.PartnerId, a.CreatedAt, a.Id }).HasDatabaseName("ix_accounts_list_created");
        builder.HasIndex(nameof(Account.PartnerId), Expires, nameof(Account.Id)).HasDatabaseName("ix_accounts_list_expires");
        builder.HasIndex(a => new { a.PartnerId, a.Status }).HasDatabaseName("ix_accounts_list_status");
        builder.HasIndex(nameof(Account.PartnerId), Cadence).HasDatabaseName("ix_accounts_list_cadence");
        builder.HasIndex(Search).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_accounts_list_search");
    }
}
