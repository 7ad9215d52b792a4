using System.Security.Cryptography;

namespace Portal.Infrastructure.Security.KeyRing;

/// <summary>
/// The 256-bit key that encrypts the data-protection keys, in a file outside the database: a copy of the database
/// alone decrypts nothing. Created with a fresh random key the first time it is needed, readable by the owner only.
/// </summary>
public sealed class KeyFile(string path)
{
    public const string DefaultName = "keyring.key";
    private const int KeySize = 32;

    private readonly Lazy<byte[]> _key = new(() => LoadOrCreate(path));

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    internal byte[] Key => _key.Value;

    private static byte[] LoadOrCreate(string path)
    {
        if (!File.Exists(path)) TryCreate(path);
        var key = Convert.FromBase64String(File.ReadAllText(path).Trim());
        return key.Length == KeySize
            ? key
            : throw new InvalidOperationException($"The key file {path} does not hold a {KeySize * 8}-bit key.");
    }

    private static void TryCreate(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var writer = new StreamWriter(path, options);
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeySize)));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process on this machine created it first: use theirs.
        }
    }
}
