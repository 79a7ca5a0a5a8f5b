using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Reseller.Billing.Invoices;

public sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.ToTable("invoices");
        builder.HasKey(i => i.Id);
        builder.HasIndex(i => i.Number).IsUnique();
        builder.HasIndex(i => new { i.PartnerId, i.Id });
        builder.HasIndex(i => new { i.AccountId, i.Id });
        // One charge per account and period, enforced by the database whatever the number of Billing instances. A voided
        // invoice is never charged and does not hold its period: an account moved out and back in on its renewal day is
        // invoiced that period again, by its new partner.
        builder.HasIndex(i => new { i.AccountId, i.PeriodStart }, "ux_invoices_account_period")
            .IsUnique()
            .HasFilter(InvoicePeriods.HeldPeriodFilter);
        builder.HasIndex(i => i.NextRetryAt, "ix_invoices_dunning_due").HasFilter("next_retry_at IS NOT NULL");
        builder.Property(i => i.Number).HasMaxLength(32);
        builder.Property(i => i.Payer).HasMaxLength(10);
        builder.Property(i => i.Purpose).HasMaxLength(30);
        builder.Property(i => i.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.OwnsMany(i => i.Lines, l => l.ToJson());
        builder.OwnsOne(i => i.Issuer, p =>
        {
            p.ToJson();
            p.Ignore(x => x.AddressLines);
        });
        builder.OwnsOne(i => i.BillTo, p =>
        {
            p.ToJson();
            p.Ignore(x => x.AddressLines);
        });
        builder.Property(i => i.TaxRate).HasPrecision(5, 2);
        builder.Property(i => i.Language).HasMaxLength(5).HasDefaultValue(Issuing.InvoiceLanguages.English);
        builder.Ignore(i => i.AmountDue);
        builder.Property(i => i.Version).IsRowVersion();
        // One invoice per credit purchase, however often Credits asks (Billing/Purchases).
        builder.HasIndex(i => i.Reference, "ux_invoices_reference").IsUnique().HasFilter("reference IS NOT NULL");
        builder.Property(i => i.Reference).HasMaxLength(100);
    }
}
