using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Infrastructure.Security.KeyRing;

/// <summary>
/// Reads what <see cref="KeyFileXmlEncryptor"/> wrote. Data protection creates it by its type name from the stored key,
/// handing it the app's services; without the right key file the key stays sealed.
/// </summary>
public sealed class KeyFileXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    private readonly KeyFile _keyFile = services.GetRequiredService<KeyFile>();

    public XElement Decrypt(XElement encryptedElement)
    {
        var sealedKey = Convert.FromBase64String((string?)encryptedElement.Element("value")
            ?? throw new CryptographicException("The encrypted key has no value."));
        const int header = KeyFileXmlEncryptor.NonceSize + KeyFileXmlEncryptor.TagSize;
        if (sealedKey.Length < header) throw new CryptographicException("The encrypted key is too short.");
        var plaintext = new byte[sealedKey.Length - header];
        using (var aes = new AesGcm(_keyFile.Key, KeyFileXmlEncryptor.TagSize))
        {
            aes.Decrypt(sealedKey.AsSpan(0, KeyFileXmlEncryptor.NonceSize), sealedKey.AsSpan(header),
                sealedKey.AsSpan(KeyFileXmlEncryptor.NonceSize, KeyFileXmlEncryptor.TagSize), plaintext,
                KeyFileXmlEncryptor.AssociatedData);
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
