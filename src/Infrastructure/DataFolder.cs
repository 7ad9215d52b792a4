namespace Portal.Infrastructure;

/// <summary>Where the portal keeps its files: the SQLite database, the key file that encrypts the data-protection keys, the mail pickup folder.</summary>
public sealed class DataFolder
{
    public DataFolder(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }
}
