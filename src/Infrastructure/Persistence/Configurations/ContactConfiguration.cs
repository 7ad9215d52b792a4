using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Contacts;
using Portal.Domain.PortalAccess;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("Contacts");
        builder.Property(c => c.Name).HasMaxLength(Contact.NameMaxLength).IsRequired();
        // The version the API and the edit page hand out: a save whose contact changed since it was read matches no row
        // and is refused as a clash, even when the two saves run at the same moment.
        builder.Property(c => c.UpdatedAt).IsConcurrencyToken();
        builder.Property(c => c.Email).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(c => c.Phone).HasMaxLength(50);
        builder.Property(c => c.Street).HasMaxLength(Contact.FieldMaxLength);
        builder.Property(c => c.PostalCode).HasMaxLength(20);
        builder.Property(c => c.City).HasMaxLength(100);
        builder.Property(c => c.CountryCode).HasMaxLength(2);
        builder.Property(c => c.VatNumber).HasMaxLength(30);
        builder.Property(c => c.CompanyName).HasMaxLength(Contact.FieldMaxLength);
        builder.Property(c => c.ExternalReference).HasMaxLength(Contact.ExternalReferenceMaxLength);
        builder.Property(c => c.PreferredLanguage).HasMaxLength(5).IsRequired();
        // The default lets bulk inserts by plain SQL leave it out; the start fills it in (DatabaseInitializer).
        builder.Property(c => c.SearchText).HasMaxLength(ContactSearchText.MaxLength).IsRequired().HasDefaultValue("");
        // Written only by the database's triggers (CompanySearchText): the app neither sends nor reads it back.
        var companyText = builder.Property<string>(CompanySearchTextSql.Column)
            .HasMaxLength(ContactSearchText.MaxLength).IsRequired().HasDefaultValue("").ValueGeneratedNever();
        companyText.Metadata.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
        companyText.Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);

        builder.HasOne(c => c.Company).WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.PortalUser).WithOne(u => u.Contact)
            .HasForeignKey<PortalUser>(u => u.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(c => c.HasLivePortalAccess);

        // One index per sort the contact list offers, Id last so a keyset page seeks into it (on PostgreSQL an index does not
        // order ties by Id by itself). The e-mail sort's index puts NULLs last: see ListOrderIndexSql.
        builder.HasIndex(c => new { c.Name, c.Id });
        builder.HasIndex(c => c.Email);
        // Both databases let any number of rows leave a unique column NULL: unique where set.
        builder.HasIndex(c => c.ExternalReference).IsUnique();
        builder.HasIndex(c => c.CompanyId);
        builder.HasIndex(c => new { c.CreatedAt, c.Id });
        // Serves searches too short for the trigram index (a prefix range) and finds rows still to fill in.
        // The trigram index itself is raw SQL: ContactSearchSql.
        builder.HasIndex(c => c.SearchText);
        builder.HasIndex(CompanySearchTextSql.Column);
    }
}
