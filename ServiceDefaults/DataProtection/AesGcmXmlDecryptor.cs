using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace Reseller.ServiceDefaults.DataProtection;

/// <summary>
/// Opens what <see cref="AesGcmXmlEncryptor"/> sealed, with whichever configured key encrypted it. Data Protection creates it
/// by type name from the stored element, giving it the service provider.
/// </summary>
public sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    private readonly KeyEncryptionKeys keys = services.GetRequiredService<KeyEncryptionKeys>();

    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var id = (string?)encryptedElement.Attribute(AesGcmXmlEncryptor.KeyIdAttribute) ?? "";
        var key = keys.Find(id)
            ?? throw new CryptographicException($"The Data Protection key ring was encrypted with key-encryption key {id}, which is not configured ({KeyEncryptionKeys.PreviousSetting} keeps old ones during a rotation).");
        var sealedBytes = Convert.FromBase64String(encryptedElement.Value);
        var cipherLength = sealedBytes.Length - AesGcmXmlEncryptor.NonceSize - AesGcmXmlEncryptor.TagSize;
        if (cipherLength < 0)
        {
            throw new CryptographicException("The encrypted Data Protection key is truncated.");
        }
        var plaintext = new byte[cipherLength];
        using (var aes = new AesGcm(key, AesGcmXmlEncryptor.TagSize))
        {
            aes.Decrypt(
                sealedBytes.AsSpan(0, AesGcmXmlEncryptor.NonceSize),
                sealedBytes.AsSpan(AesGcmXmlEncryptor.NonceSize, cipherLength),
                sealedBytes.AsSpan(AesGcmXmlEncryptor.NonceSize + cipherLength),
                plaintext,
                AesGcmXmlEncryptor.AssociatedData);
        }
        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
