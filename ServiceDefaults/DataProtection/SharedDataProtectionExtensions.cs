using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Reseller.ServiceDefaults.DataProtection;

public static class SharedDataProtectionExtensions
{
    /// <summary>
    /// Data Protection with its key ring in TDb, so that every replica reads and writes the same keys, and each key encrypted
    /// there by the platform's key-encryption key (<see cref="KeyEncryptionKeys"/>).
    /// </summary>
    public static TBuilder AddSharedDataProtection<TBuilder, TDb>(this TBuilder builder, string applicationName)
        where TBuilder : IHostApplicationBuilder
        where TDb : DbContext, IDataProtectionKeyContext
    {
        var keys = KeyEncryptionKeys.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(keys);
        builder.Services.AddDataProtection().SetApplicationName(applicationName).PersistKeysToDbContext<TDb>();
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlEncryptor = new AesGcmXmlEncryptor(keys)));
        return builder;
    }
}
