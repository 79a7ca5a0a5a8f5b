using Microsoft.EntityFrameworkCore;

namespace Reseller.ServiceDefaults.Tokens;

public static class TokenIssuerModel
{
    /// <summary>The tables of a service that issues tokens: its signing keys and its users' session versions.</summary>
    public static ModelBuilder AddTokenIssuerTables(this ModelBuilder model)
    {
        model.Entity<SigningKey>(e =>
        {
            e.ToTable("signing_keys");
            e.HasKey(k => k.Id);
            e.Property(k => k.Id).HasMaxLength(32);
        });
        model.Entity<SessionStamp>(e =>
        {
            e.ToTable("session_stamps");
            e.HasKey(s => s.Subject);
            e.Property(s => s.Subject).HasMaxLength(100);
            e.HasIndex(s => s.EndedAt);
        });
        return model;
    }
}
