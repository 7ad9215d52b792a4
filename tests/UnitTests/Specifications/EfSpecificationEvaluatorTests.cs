using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Persistence.Specifications;

namespace Portal.UnitTests.Specifications;

public sealed class EfSpecificationEvaluatorTests : IDisposable
{
    private readonly LibraryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Where_filters_rows_in_the_database()
    {
        var spec = Spec<Book>(query => query.Where(book => book.Year < 1980));

        var titles = await ListTitlesAsync(spec);

        titles.ShouldBe(["A Wizard of Earthsea", "The Left Hand of Darkness", "The Dispossessed"], ignoreOrder: true);
        _database.ExecutedCommands.ShouldHaveSingleItem().ShouldContain("\"Year\" < 1980");
    }

    [Fact]
    public async Task Count_ignores_paging()
    {
        var spec = Spec<Book>(query => query
            .Where(book => book.Year < 1990)
            .OrderBy(book => book.Year)
            .Skip(1)
            .Take(2));
        await using var context = _database.CreateContext();
        var repository = new EfRepository<Book>(context);

        var count = await repository.CountAsync(spec);
        var page = await repository.ListAsync(spec);

        count.ShouldBe(5);
        page.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Any_ignores_paging()
    {
        var spec = Spec<Book>(query => query.Where(book => book.AuthorId == LibraryDatabase.Banks).Skip(10));
        await using var context = _database.CreateContext();

        var any = await new EfRepository<Book>(context).AnyAsync(spec);

        any.ShouldBeTrue();
    }

    [Fact]
    public async Task Include_then_include_loads_nested_navigation()
    {
        var spec = Spec<Author>(query => query
            .Where(author => author.Id == LibraryDatabase.LeGuin)
            .Include(author => author.Books)
            .ThenInclude(book => book.Publisher));
        await using var context = _database.CreateContext();

        var author = await EvaluateAsync(context, spec).SingleAsync();

        author.Books.Count.ShouldBe(3);
        author.Books.ShouldAllBe(book => book.Publisher != null);
        author.Books.Single(book => book.Id == 1).Publisher.Name.ShouldBe("Penguin");
    }

    [Fact]
    public async Task Include_then_include_after_reference_loads_nested_collection()
    {
        var spec = Spec<Book>(query => query
            .Where(book => book.Id == 4)
            .Include(book => book.Author)
            .ThenInclude(author => author.Books));
        await using var context = _database.CreateContext();

        var book = await EvaluateAsync(context, spec).SingleAsync();

        book.Author.Name.ShouldBe("Terry Pratchett");
        book.Author.Books.Select(b => b.Title).ShouldBe(["Guards! Guards!", "Small Gods", "Night Watch"], ignoreOrder: true);
    }

    [Fact]
    public async Task Navigations_stay_unloaded_without_include()
    {
        var spec = Spec<Author>(query => query.Where(author => author.Id == LibraryDatabase.LeGuin));
        await using var context = _database.CreateContext();

        var author = await EvaluateAsync(context, spec).SingleAsync();

        author.Books.ShouldBeEmpty();
    }

    [Fact]
    public async Task Include_string_loads_navigation()
    {
        var spec = Spec<Author>(query => query
            .Where(author => author.Id == LibraryDatabase.Pratchett)
            .Include($"{nameof(Author.Books)}.{nameof(Book.Publisher)}"));
        await using var context = _database.CreateContext();

        var author = await EvaluateAsync(context, spec).SingleAsync();

        author.Books.Count.ShouldBe(3);
        author.Books.ShouldAllBe(book => book.Publisher != null);
    }

    [Fact]
    public async Task AsNoTracking_returns_untracked_entities()
    {
        var spec = Spec<Book>(query => query.Where(book => book.AuthorId == LibraryDatabase.LeGuin).AsNoTracking());
        await using var context = _database.CreateContext();

        var books = await EvaluateAsync(context, spec).ToListAsync();

        books.Count.ShouldBe(3);
        context.ChangeTracker.Entries().ShouldBeEmpty();
    }

    [Fact]
    public async Task Queries_track_entities_by_default()
    {
        var spec = Spec<Book>(query => query.Where(book => book.AuthorId == LibraryDatabase.LeGuin));
        await using var context = _database.CreateContext();

        await EvaluateAsync(context, spec).ToListAsync();

        context.ChangeTracker.Entries<Book>().Count().ShouldBe(3);
    }

    [Fact]
    public async Task AsNoTrackingWithIdentityResolution_shares_instances_without_tracking()
    {
        var spec = Spec<Book>(query => query
            .Where(book => book.PublisherId == LibraryDatabase.Harper)
            .Include(book => book.Publisher)
            .AsNoTrackingWithIdentityResolution());
        await using var context = _database.CreateContext();

        var books = await EvaluateAsync(context, spec).ToListAsync();

        books.Count.ShouldBe(4);
        books.Select(book => book.Publisher).Distinct().ShouldHaveSingleItem();
        context.ChangeTracker.Entries().ShouldBeEmpty();
    }

    [Fact]
    public async Task IgnoreQueryFilters_includes_filtered_rows_in_lists_and_counts()
    {
        var filtered = Spec<Book>(query => query.Where(book => book.AuthorId == LibraryDatabase.Banks));
        var unfiltered = Spec<Book>(query => query.Where(book => book.AuthorId == LibraryDatabase.Banks).IgnoreQueryFilters());
        await using var context = _database.CreateContext();
        var repository = new EfRepository<Book>(context);

        (await repository.ListAsync(filtered)).Count.ShouldBe(1);
        (await repository.ListAsync(unfiltered)).Count.ShouldBe(2);
        (await repository.CountAsync(unfiltered)).ShouldBe(2);
    }

    [Fact]
    public async Task AsSplitQuery_loads_collections_with_separate_commands()
    {
        var spec = Spec<Author>(query => query.Include(author => author.Books).AsSplitQuery());
        await using var context = _database.CreateContext();

        var authors = await EvaluateAsync(context, spec).ToListAsync();

        authors.Sum(author => author.Books.Count).ShouldBe(7);
        _database.ExecutedCommands.Count.ShouldBe(2);
    }

    [Fact]
    public async Task TagWith_annotates_the_sql()
    {
        var spec = Spec<Book>(query => query.TagWith("books-by-year"));
        await using var context = _database.CreateContext();

        await EvaluateAsync(context, spec).ToListAsync();

        _database.ExecutedCommands.ShouldHaveSingleItem().ShouldContain("-- books-by-year");
    }

    [Fact]
    public async Task Paging_skips_and_takes_after_ordering()
    {
        var spec = Spec<Book>(query => query.OrderBy(book => book.Year).Skip(2).Take(3));

        var titles = await ListTitlesAsync(spec);

        titles.ShouldBe(["The Dispossessed", "Consider Phlebas", "Guards! Guards!"]);
    }

    [Fact]
    public async Task A_pages_size_is_written_into_the_statement_and_its_offset_bound()
    {
        // SQLite plans a statement again whenever a value is bound to its LIMIT; an offset costs nothing to bind.
        var spec = Spec<Book>(query => query.OrderBy(book => book.Year).Skip(2).Take(3));

        await ListTitlesAsync(spec);

        var sql = _database.ExecutedCommands.ShouldHaveSingleItem();
        sql.ShouldContain("LIMIT 3 OFFSET @");
    }

    [Fact]
    public async Task OrderBy_then_by_descending_orders_rows()
    {
        var spec = Spec<Book>(query => query
            .OrderBy(book => book.Publisher.Name)
            .ThenByDescending(book => book.Year));

        var titles = await ListTitlesAsync(spec);

        titles.ShouldBe(
        [
            "Night Watch", "Small Gods", "The Dispossessed", "The Left Hand of Darkness",
            "Guards! Guards!", "Consider Phlebas", "A Wizard of Earthsea",
        ]);
    }

    [Fact]
    public async Task Select_projects_to_a_read_model()
    {
        var spec = new Specification<Book, BookSummary>();
        spec.Query
            .Where(book => book.AuthorId == LibraryDatabase.Pratchett)
            .OrderBy(book => book.Year)
            .Select(book => new BookSummary(book.Title, book.Publisher.Name));
        await using var context = _database.CreateContext();

        var summaries = await new EfRepository<Book>(context).ListAsync(spec);

        summaries.ShouldBe(
        [
            new BookSummary("Guards! Guards!", "Penguin"),
            new BookSummary("Small Gods", "Harper"),
            new BookSummary("Night Watch", "Harper"),
        ]);
        context.ChangeTracker.Entries().ShouldBeEmpty();
    }

    [Fact]
    public async Task SelectMany_flattens_a_collection_navigation()
    {
        var spec = new Specification<Author, Book>();
        spec.Query
            .Where(author => author.Id == LibraryDatabase.LeGuin)
            .SelectMany(author => author.Books);
        await using var context = _database.CreateContext();

        var books = await EfSpecificationEvaluator.Instance.GetQuery(context.Authors, spec).ToListAsync();

        books.Select(book => book.Id).ShouldBe([1, 2, 3], ignoreOrder: true);
    }

    [Fact]
    public async Task Projection_without_a_selector_is_rejected()
    {
        var spec = new Specification<Book, BookSummary>();
        spec.Query.Where(book => book.Year > 1900);
        await using var context = _database.CreateContext();

        var error = Should.Throw<InvalidOperationException>(() => EfSpecificationEvaluator.Instance.GetQuery(context.Books, spec));

        error.Message.ShouldContain("neither Select nor SelectMany");
    }

    [Fact]
    public async Task Search_matches_with_like_pattern()
    {
        // Group 1 ORs the two title patterns; group 2 is ANDed and drops the Penguin title.
        var spec = Spec<Book>(query => query
            .Search(book => book.Title, "The %")
            .Search(book => book.Title, "% of %")
            .Search(book => book.Publisher.Name, "Harp%", 2));

        var titles = await ListTitlesAsync(spec);

        titles.ShouldBe(["The Left Hand of Darkness", "The Dispossessed"], ignoreOrder: true);
        var sql = _database.ExecutedCommands.ShouldHaveSingleItem();
        sql.ShouldContain("LIKE");
        sql.ShouldNotContain("Harp%");
    }

    [Fact]
    public async Task Specs_give_the_same_rows_in_the_database_and_in_memory()
    {
        Specification<Book>[] specs =
        [
            Spec<Book>(query => query.Where(book => book.Year > 1968).OrderByDescending(book => book.Year)),
            Spec<Book>(query => query.Where(book => book.Year < 2000).OrderBy(book => book.Title).Skip(1).Take(3)),
            Spec<Book>(query => query
                .Search(book => book.Title, "The %")
                .Search(book => book.Title, "% of %")
                .Search(book => book.Publisher.Name, "Harp%", 2)
                .OrderBy(book => book.Year)),
            Spec<Book>(query => query
                .Where(book => book.AuthorId != LibraryDatabase.Banks)
                .OrderBy(book => book.PublisherId)
                .ThenByDescending(book => book.Title)
                .Skip(2)),
        ];
        await using var context = _database.CreateContext();
        var allBooks = await context.Books.Include(book => book.Publisher).AsNoTracking().ToListAsync();
        var repository = new EfRepository<Book>(context);

        foreach (var spec in specs)
        {
            var inMemory = spec.Evaluate(allBooks).Select(book => book.Id).ToList();
            var inDatabase = (await repository.ListAsync(spec)).Select(book => book.Id).ToList();

            inDatabase.ShouldBe(inMemory);
            inDatabase.ShouldNotBeEmpty();
        }
    }

    [Fact]
    public async Task Repository_add_does_not_save_until_SaveChanges()
    {
        await using var context = _database.CreateContext();
        var repository = new EfRepository<Publisher>(context);

        var added = await repository.AddAsync(new Publisher { Name = "Gollancz" });

        context.Entry(added).State.ShouldBe(EntityState.Added);
        (await CountInFreshContextAsync<Publisher>()).ShouldBe(2);

        var written = await repository.SaveChangesAsync();

        written.ShouldBe(1);
        (await CountInFreshContextAsync<Publisher>()).ShouldBe(3);
    }

    [Fact]
    public async Task Repository_update_and_delete_only_stage_changes()
    {
        await using var context = _database.CreateContext();
        var repository = new EfRepository<Book>(context);
        var earthsea = (await repository.GetByIdAsync(1)).ShouldNotBeNull();
        var nightWatch = (await repository.GetByIdAsync(6)).ShouldNotBeNull();

        earthsea.Title = "A Wizard of Earthsea (Revised)";
        (await repository.UpdateAsync(earthsea)).ShouldBe(1);
        (await repository.DeleteAsync(nightWatch)).ShouldBe(1);

        context.Entry(earthsea).State.ShouldBe(EntityState.Modified);
        context.Entry(nightWatch).State.ShouldBe(EntityState.Deleted);
        (await CountInFreshContextAsync<Book>()).ShouldBe(7);

        await repository.SaveChangesAsync();

        (await CountInFreshContextAsync<Book>()).ShouldBe(6);
        await using var verify = _database.CreateContext();
        (await verify.Books.SingleAsync(book => book.Id == 1)).Title.ShouldBe("A Wizard of Earthsea (Revised)");
    }

    [Fact]
    public async Task Repository_delete_range_by_spec_removes_matching_rows()
    {
        var spec = Spec<Book>(query => query.Where(book => book.AuthorId == LibraryDatabase.Pratchett).AsNoTracking());
        await using var context = _database.CreateContext();
        var repository = new EfRepository<Book>(context);

        var staged = await repository.DeleteRangeAsync(spec);

        staged.ShouldBe(3);
        (await CountInFreshContextAsync<Book>()).ShouldBe(7);

        await repository.SaveChangesAsync();

        await using var verify = _database.CreateContext();
        (await verify.Books.Select(book => book.AuthorId).Distinct().ToListAsync())
            .ShouldBe([LibraryDatabase.LeGuin, LibraryDatabase.Banks], ignoreOrder: true);
    }

    private static Specification<T> Spec<T>(Action<ISpecificationBuilder<T>> configure)
    {
        var spec = new Specification<T>();
        configure(spec.Query);
        return spec;
    }

    private static IQueryable<T> EvaluateAsync<T>(LibraryDbContext context, ISpecification<T> spec)
        where T : class =>
        EfSpecificationEvaluator.Instance.GetQuery(context.Set<T>(), spec);

    private async Task<List<string>> ListTitlesAsync(ISpecification<Book> spec)
    {
        await using var context = _database.CreateContext();
        var books = await new EfRepository<Book>(context).ListAsync(spec);
        return books.Select(book => book.Title).ToList();
    }

    private async Task<int> CountInFreshContextAsync<T>()
        where T : class
    {
        await using var context = _database.CreateContext();
        return await context.Set<T>().CountAsync();
    }
}
