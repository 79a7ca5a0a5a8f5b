using Microsoft.EntityFrameworkCore;

using Reseller.ServiceDefaults.Idempotency;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.ServiceDefaults.Data;

public static class PlatformTables
{
    /// <summary>The tables every service's database carries: outbox, inbox and idempotency keys.</summary>
    public static ModelBuilder AddPlatformTables(this ModelBuilder model) => model.AddOutboxAndInbox().AddIdempotencyKeys();
}
