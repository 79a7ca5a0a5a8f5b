using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Reseller.ServiceDefaults.DataProtection;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Queues;

namespace Reseller.ServiceDefaults.Mail.Outbox;

public static class MailOutboxExtensions
{
    /// <summary>
    /// The mail outbox of TDb (its model needs <see cref="MailOutboxModel.AddMailOutbox"/>), encrypted with Data Protection
    /// keys kept in TDb so that replicas share them, and dispatched after commit.
    /// </summary>
    public static TBuilder AddMailOutbox<TBuilder, TDb>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
        where TDb : DbContext, IDataProtectionKeyContext
    {
        builder.AddSharedDataProtection<TBuilder, TDb>("reseller-" + MessagingExtensions.ServicePrefix<TDb>().TrimEnd('-'));
        builder.Services.AddSingleton<MailOutbox>();
        builder.Services.AddSingleton<QueueSignal<QueuedMail>>();
        builder.Services.AddSingleton<MailQueuedInterceptor>();
        builder.Services.ConfigureDbContext<TDb>((sp, o) => o.AddInterceptors(sp.GetRequiredService<MailQueuedInterceptor>()));
        builder.Services.AddSingleton<MailOutboxDispatcher<TDb>>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MailOutboxDispatcher<TDb>>());
        return builder;
    }
}
