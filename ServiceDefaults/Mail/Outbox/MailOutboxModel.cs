using Microsoft.EntityFrameworkCore;

namespace Reseller.ServiceDefaults.Mail.Outbox;

/// <summary>The mail outbox table of a service that sends mails carrying secrets (see <see cref="MailOutbox"/>).</summary>
public static class MailOutboxModel
{
    public const string Table = "mail_outbox";

    public static ModelBuilder AddMailOutbox(this ModelBuilder model)
    {
        model.Entity<QueuedMail>(e =>
        {
            e.ToTable(Table);
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).UseIdentityAlwaysColumn();
            e.Property(m => m.Recipient).HasMaxLength(320);
            e.Property(m => m.Subject).HasMaxLength(500);
            e.HasIndex(m => m.NextAttemptAt, "ix_mail_outbox_pending").HasFilter("protected_body IS NOT NULL");
        });
        return model;
    }
}
