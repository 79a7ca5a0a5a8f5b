using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using Reseller.ServiceDefaults.Data;
using Reseller.ServiceDefaults.DataProtection;
using Reseller.ServiceDefaults.Mail;
using Reseller.ServiceDefaults.Mail.Outbox;

namespace Reseller.IntegrationTests.Mail;

/// <summary>A service-shaped host with ServiceDefaults' mail outbox over its own database; not started, so a test dispatches by hand.</summary>
public sealed class MailOutboxHost : IDisposable
{
    private readonly IHost host;

    private MailOutboxHost(IHost host) => this.host = host;

    public RecordingMailSender Sender => (RecordingMailSender)host.Services.GetRequiredService<IMailSender>();

    public MailOutboxDispatcher<MailTestDb> Dispatcher => host.Services.GetRequiredService<MailOutboxDispatcher<MailTestDb>>();

    public const string KeyEncryptionKey = "the-mail-tests-key-encryption-key-of-32-characters";

    public static async Task<MailOutboxHost> CreateAsync(string databaseConnectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration[KeyEncryptionKeys.Setting] = KeyEncryptionKey;
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddDbContext<MailTestDb>(o => DatabaseExtensions.Configure(o, databaseConnectionString));
        builder.Services.AddSingleton<IMailSender, RecordingMailSender>();
        builder.AddMailOutbox<HostApplicationBuilder, MailTestDb>();
        var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MailTestDb>().Database.EnsureCreatedAsync();
        return new MailOutboxHost(host);
    }

    public async Task QueueAsync(OutgoingMail mail, bool commit)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MailTestDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        host.Services.GetRequiredService<MailOutbox>().Queue(db, mail, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        if (commit)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
        }
    }

    /// <summary>The Data Protection key ring as stored in the database.</summary>
    public async Task<List<string>> DataProtectionKeysAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MailTestDb>().DataProtectionKeys.AsNoTracking().Select(k => k.Xml ?? "").ToListAsync();
    }

    public async Task<List<QueuedMail>> RowsToAsync(string recipient)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MailTestDb>().Set<QueuedMail>().AsNoTracking()
            .Where(m => m.Recipient == recipient).ToListAsync();
    }

    public void Dispose() => host.Dispose();
}
