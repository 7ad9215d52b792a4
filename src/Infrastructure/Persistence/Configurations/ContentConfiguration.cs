using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Contacts;
using Portal.Domain.Documents;
using Portal.Domain.Pages;
using Portal.Domain.Payments;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.ToTable("Documents");
        builder.Property(d => d.Number).HasMaxLength(Document.NumberMaxLength).IsRequired();
        builder.Property(d => d.Currency).HasMaxLength(3).IsRequired();
        builder.Property(d => d.NetAmount).HasPrecision(18, 4);
        builder.Property(d => d.TaxAmount).HasPrecision(18, 4);
        builder.Property(d => d.TotalAmount).HasPrecision(18, 4);
        // Every change moves UpdatedAt, so two saves that read the same version can't both land.
        builder.Property(d => d.UpdatedAt).IsConcurrencyToken();
        builder.HasOne<Contact>().WithMany().HasForeignKey(d => d.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Lines).WithOne().HasForeignKey(l => l.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne(d => d.Pdf).WithOne().HasForeignKey<DocumentFile>(f => f.DocumentId).OnDelete(DeleteBehavior.Cascade);
        // A number is unique per kind; the customer lists filter and sort by these.
        builder.HasIndex(d => new { d.Kind, d.Number }).IsUnique();
        builder.HasIndex(d => new { d.ContactId, d.Status, d.IssuedOn });
        // A customer's list by date, number or amount: one contact's documents in that order, Id last for keyset paging.
        builder.HasIndex(d => new { d.ContactId, d.IssuedOn, d.Id });
        builder.HasIndex(d => new { d.ContactId, d.Number, d.Id });
        builder.HasIndex(d => new { d.ContactId, d.TotalAmount, d.Id });
        // My Account's tiles count each kind of one contact's documents without reading the others.
        builder.HasIndex(d => new { d.ContactId, d.Kind, d.Status });
        // The back office's list of all documents by date, number or total (by due date: ListOrderIndexSql), Id after the
        // sort key for keyset paging. Kind, Status and Number ride along so that a filter on them or a search in the number
        // is decided in the index, row by row, without reading the table for the rows it leaves out: a search that matches
        // nothing among 100,000 documents reads one index instead of every row.
        builder.HasIndex(d => new { d.IssuedOn, d.Id, d.Kind, d.Status, d.Number });
        builder.HasIndex(d => new { d.Number, d.Id, d.Kind, d.Status });
        builder.HasIndex(d => new { d.TotalAmount, d.Id, d.Kind, d.Status, d.Number });
        // Overdue invoices (sent, due before today) are a seek, however few they are among the rest.
        builder.HasIndex(d => new { d.Kind, d.Status, d.DueOn });
    }
}

internal sealed class DocumentLineConfiguration : IEntityTypeConfiguration<DocumentLine>
{
    public void Configure(EntityTypeBuilder<DocumentLine> builder)
    {
        builder.ToTable("DocumentLines");
        builder.Property(l => l.Description).HasMaxLength(500).IsRequired();
        builder.Property(l => l.Quantity).HasPrecision(18, 4);
        builder.Property(l => l.UnitPrice).HasPrecision(18, 4);
        builder.Property(l => l.TaxRate).HasPrecision(9, 4);
        builder.Property(l => l.NetAmount).HasPrecision(18, 4);
    }
}

internal sealed class DocumentFileConfiguration : IEntityTypeConfiguration<DocumentFile>
{
    public void Configure(EntityTypeBuilder<DocumentFile> builder)
    {
        builder.ToTable("DocumentFiles");
        builder.HasKey(f => f.DocumentId);
        builder.Property(f => f.FileName).HasMaxLength(255).IsRequired();
    }
}

internal sealed class DocumentFirstViewConfiguration : IEntityTypeConfiguration<DocumentFirstView>
{
    public void Configure(EntityTypeBuilder<DocumentFirstView> builder)
    {
        builder.ToTable("DocumentFirstViews");
        builder.HasKey(v => new { v.DocumentId, v.ContactId });
        builder.HasOne<Document>().WithMany().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contact>().WithMany().HasForeignKey(v => v.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PaymentMethodConfiguration : IEntityTypeConfiguration<PaymentMethod>
{
    public void Configure(EntityTypeBuilder<PaymentMethod> builder)
    {
        builder.ToTable("PaymentMethods");
        builder.Property(p => p.AccountHolder).HasMaxLength(PaymentMethod.AccountHolderMaxLength).IsRequired();
        builder.Property(p => p.ProtectedIban).HasMaxLength(1000).IsRequired();
        builder.Property(p => p.MaskedIban).HasMaxLength(64).IsRequired();
        builder.Property(p => p.Bic).HasMaxLength(11);
        builder.Property(p => p.MandateReference).HasMaxLength(PaymentMethod.MandateReferenceMaxLength).IsRequired();
        builder.Property(p => p.MandateLanguage).HasMaxLength(5).IsRequired();
        builder.Property(p => p.CreditorIdentifier).HasMaxLength(CreditorIdentifier.MaxLength);
        builder.HasOne<Contact>().WithMany().HasForeignKey(p => p.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.MandateReference).IsUnique();
        builder.HasIndex(p => p.ContactId);
        // One default per contact among the accounts in use, whatever a bug or a race in the app would do. The same filter works on
        // both databases (SQLite reads TRUE as 1). Both check it row by row, and EF can't order writes by a filtered index: the unit
        // of work writes the account giving the default up first (see UnitOfWork).
        builder.HasIndex(p => p.ContactId, "IX_PaymentMethods_ContactId_OneDefault").IsUnique()
            .HasFilter("\"IsDefault\" = TRUE AND \"RemovedAt\" IS NULL");
        // Housekeeping finds the removed accounts whose evidence period is over.
        builder.HasIndex(p => p.RemovedAt);
    }
}

internal sealed class PortalPageConfiguration : IEntityTypeConfiguration<PortalPage>
{
    public void Configure(EntityTypeBuilder<PortalPage> builder)
    {
        builder.ToTable("Pages");
        builder.Property(p => p.Title).HasMaxLength(PortalPage.TitleMaxLength).IsRequired();
        builder.Property(p => p.Slug).HasMaxLength(PortalPage.SlugMaxLength).IsRequired();
        builder.Property(p => p.Language).HasMaxLength(5).IsRequired();
        builder.Property(p => p.UpdatedBy).HasMaxLength(254).IsRequired();
        // Pages stored before the settings were recorded read as made under unknown ones, and are rendered again.
        builder.Property(p => p.RenderedWith).HasMaxLength(64).IsRequired().HasDefaultValue("");
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.HasIndex(p => new { p.Visibility, p.Kind, p.PublishedOn });
    }
}
