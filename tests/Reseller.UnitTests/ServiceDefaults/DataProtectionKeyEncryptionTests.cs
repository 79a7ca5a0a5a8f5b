using System.Security.Cryptography;
using System.Xml.Linq;

using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

using Reseller.ServiceDefaults.DataProtection;

namespace Reseller.UnitTests.ServiceDefaults;

public sealed class DataProtectionKeyEncryptionTests
{
    private const string Secret = "the-platform-key-encryption-key-of-32-characters-or-more";
    private const string OtherSecret = "another-platform-key-encryption-key-of-32-characters";

    [Fact]
    public void A_stored_key_is_sealed_so_the_repository_alone_reveals_no_key_material()
    {
        var repository = new MemoryXmlRepository();
        var protector = Protector(repository, KeyEncryptionKeys.ForSecrets(Secret));

        protector.Protect("whsec_signing-secret"u8.ToArray());

        var stored = Assert.Single(repository.GetAllElements());
        Assert.Empty(stored.Descendants("masterKey"));
        var sealedKey = Assert.Single(stored.Descendants(AesGcmXmlEncryptor.ElementName));
        Assert.Equal(KeyEncryptionKeys.ForSecrets(Secret).CurrentId, (string?)sealedKey.Attribute(AesGcmXmlEncryptor.KeyIdAttribute));
    }

    [Fact]
    public void Another_replica_with_the_same_platform_key_reads_what_the_first_protected()
    {
        var repository = new MemoryXmlRepository();
        var protectedBytes = Protector(repository, KeyEncryptionKeys.ForSecrets(Secret)).Protect("payload"u8.ToArray());

        var unprotected = Protector(repository, KeyEncryptionKeys.ForSecrets(Secret)).Unprotect(protectedBytes);

        Assert.Equal("payload"u8.ToArray(), unprotected);
    }

    [Fact]
    public void Without_the_platform_key_the_stored_keys_cannot_be_opened_and_a_rotation_keeps_the_previous_one()
    {
        var repository = new MemoryXmlRepository();
        var protectedBytes = Protector(repository, KeyEncryptionKeys.ForSecrets(Secret)).Protect("payload"u8.ToArray());

        Assert.ThrowsAny<CryptographicException>(() => Protector(repository, KeyEncryptionKeys.ForSecrets(OtherSecret)).Unprotect(protectedBytes));
        var rotated = Protector(repository, KeyEncryptionKeys.ForSecrets(OtherSecret, Secret));
        Assert.Equal("payload"u8.ToArray(), rotated.Unprotect(protectedBytes));
    }

    [Fact]
    public void A_tampered_sealed_key_is_refused()
    {
        var keys = KeyEncryptionKeys.ForSecrets(Secret);
        var sealedKey = new AesGcmXmlEncryptor(keys).Encrypt(new XElement("masterKey", "secret")).EncryptedElement;
        var bytes = Convert.FromBase64String(sealedKey.Value);
        bytes[^1] ^= 1;
        sealedKey.Value = Convert.ToBase64String(bytes);

        var decryptor = new AesGcmXmlDecryptor(new ServiceCollection().AddSingleton(keys).BuildServiceProvider());

        Assert.ThrowsAny<CryptographicException>(() => decryptor.Decrypt(sealedKey));
    }

    [Fact]
    public void Production_refuses_to_start_without_the_platform_key_and_names_the_setting()
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            KeyEncryptionKeys.From(new ConfigurationBuilder().Build(), new HostingEnvironment { EnvironmentName = Environments.Production }));

        Assert.Contains(KeyEncryptionKeys.Setting, refused.Message, StringComparison.Ordinal);
        var development = KeyEncryptionKeys.From(new ConfigurationBuilder().Build(), new HostingEnvironment { EnvironmentName = Environments.Development });
        Assert.Equal(32, development.Current.Length);
    }

    private static IDataProtector Protector(MemoryXmlRepository repository, KeyEncryptionKeys keys)
    {
        var services = new ServiceCollection();
        services.AddSingleton(keys);
        services.AddDataProtection().SetApplicationName("reseller-test");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(new ConfigureOptions<KeyManagementOptions>(options =>
        {
            options.XmlRepository = repository;
            options.XmlEncryptor = new AesGcmXmlEncryptor(keys);
        }));
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector("tests");
    }

    private sealed class MemoryXmlRepository : IXmlRepository
    {
        private readonly List<XElement> elements = [];

        public IReadOnlyCollection<XElement> GetAllElements()
        {
            lock (elements)
            {
                return [.. elements.Select(e => new XElement(e))];
            }
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            lock (elements)
            {
                elements.Add(new XElement(element));
            }
        }
    }
}
