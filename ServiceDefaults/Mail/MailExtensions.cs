using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Reseller.ServiceDefaults.Mail;

public static class MailExtensions
{
    public static TBuilder AddPlatformMail<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.Configure<MailOptions>(builder.Configuration.GetSection(MailOptions.Section));
        builder.Services.AddSingleton<IMailSender>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<MailOptions>>().Value.Smtp.Host)
                ? ActivatorUtilities.CreateInstance<FileMailSender>(sp)
                : ActivatorUtilities.CreateInstance<SmtpMailSender>(sp));
        return builder;
    }
}
