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
    /// there by the platform's key-encryption key (<see cref="KeyEncryptionKeys"/>); replicas starting together on an empty
    /// ring share its first key (<see cref="FirstKeyOnce{TDb}"/>).
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
        DecorateKeyManager<TDb>(builder.Services);
        return builder;
    }

    private static void DecorateKeyManager<TDb>(IServiceCollection services)
        where TDb : DbContext
    {
        var registered = services.Last(descriptor => descriptor.ServiceType == typeof(IKeyManager));
        services.Remove(registered);
        services.AddSingleton<IKeyManager>(provider => new FirstKeyOnce<TDb>(
            Create(registered, provider), provider.GetRequiredService<IServiceScopeFactory>(), provider.GetRequiredService<IOptions<KeyManagementOptions>>()));
    }

    private static IKeyManager Create(ServiceDescriptor registered, IServiceProvider provider) =>
        (IKeyManager)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!));
}
