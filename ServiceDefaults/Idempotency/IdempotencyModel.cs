using Microsoft.EntityFrameworkCore;

namespace Reseller.ServiceDefaults.Idempotency;

public static class IdempotencyModel
{
    public static ModelBuilder AddIdempotencyKeys(this ModelBuilder model)
    {
        model.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("idempotency_keys");
            e.HasKey(r => new { r.Scope, r.Key });
            e.Property(r => r.Scope).HasMaxLength(100);
            e.Property(r => r.Key).HasMaxLength(IdempotencyMiddleware.MaxKeyLength);
            e.Property(r => r.RequestHash).HasMaxLength(64);
            e.Property(r => r.ContentType).HasMaxLength(100);
            e.Property(r => r.Location).HasMaxLength(500);
            e.HasIndex(r => r.CreatedAt);
        });
        return model;
    }
}
