using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.UnitTests.Specifications;

public sealed class Author
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public List<Book> Books { get; set; } = [];
}

public sealed class Book
{
    public int Id { get; set; }

    public string Title { get; set; } = "";

    public int Year { get; set; }

    public bool IsWithdrawn { get; set; }

    public int AuthorId { get; set; }

    public Author Author { get; set; } = null!;

    public int PublisherId { get; set; }

    public Publisher Publisher { get; set; } = null!;
}

public sealed class Publisher
{
    public int Id { get; set; }

    public string Name { get; set; } = "";
}

public sealed record BookSummary(string Title, string Publisher);

public sealed class LibraryDbContext(DbContextOptions<LibraryDbContext> options) : DbContext(options)
{
    public DbSet<Author> Authors => Set<Author>();

    public DbSet<Book> Books => Set<Book>();

    public DbSet<Publisher> Publishers => Set<Publisher>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Book>().HasQueryFilter(book => !book.IsWithdrawn);
}

/// <summary>
/// A seeded SQLite in-memory database. The database lives only as long as the connection,
/// so the connection stays open until disposal and every context shares it.
/// </summary>
public sealed class LibraryDatabase : IDisposable
{
    public const int LeGuin = 1;
    public const int Pratchett = 2;
    public const int Banks = 3;
    public const int Penguin = 1;
    public const int Harper = 2;

    private readonly SqliteConnection _connection = new("DataSource=:memory:");
    private readonly CommandRecorder _recorder = new();

    public LibraryDatabase()
    {
        _connection.Open();
        using var context = CreateContext();
        context.Database.EnsureCreated();
        Seed(context);
        _recorder.Commands.Clear();
    }

    public IList<string> ExecutedCommands => _recorder.Commands;

    public LibraryDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<LibraryDbContext>()
            .UseSqlite(_connection)
            .AddInterceptors(_recorder)
            .Options);

    public void Dispose() => _connection.Dispose();

    private static void Seed(LibraryDbContext context)
    {
        context.Publishers.AddRange(
            new Publisher { Id = Penguin, Name = "Penguin" },
            new Publisher { Id = Harper, Name = "Harper" });

        context.Authors.AddRange(
            new Author { Id = LeGuin, Name = "Ursula K. Le Guin" },
            new Author { Id = Pratchett, Name = "Terry Pratchett" },
            new Author { Id = Banks, Name = "Iain M. Banks" });

        context.Books.AddRange(
            new Book { Id = 1, Title = "A Wizard of Earthsea", Year = 1968, AuthorId = LeGuin, PublisherId = Penguin },
            new Book { Id = 2, Title = "The Left Hand of Darkness", Year = 1969, AuthorId = LeGuin, PublisherId = Harper },
            new Book { Id = 3, Title = "The Dispossessed", Year = 1974, AuthorId = LeGuin, PublisherId = Harper },
            new Book { Id = 4, Title = "Guards! Guards!", Year = 1989, AuthorId = Pratchett, PublisherId = Penguin },
            new Book { Id = 5, Title = "Small Gods", Year = 1992, AuthorId = Pratchett, PublisherId = Harper },
            new Book { Id = 6, Title = "Night Watch", Year = 2002, AuthorId = Pratchett, PublisherId = Harper },
            new Book { Id = 7, Title = "Consider Phlebas", Year = 1987, AuthorId = Banks, PublisherId = Penguin },
            new Book { Id = 8, Title = "The Player of Games", Year = 1988, AuthorId = Banks, PublisherId = Penguin, IsWithdrawn = true });

        context.SaveChanges();
    }

    private sealed class CommandRecorder : DbCommandInterceptor
    {
        public List<string> Commands { get; } = [];

        public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
        {
            Commands.Add(result.CommandText);
            return result;
        }
    }
}
