using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Contacts;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class ContactImportConfiguration : IEntityTypeConfiguration<ContactImport>
{
    public void Configure(EntityTypeBuilder<ContactImport> builder)
    {
        builder.ToTable("ContactImports");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.FileName).HasMaxLength(ContactImport.FileNameMaxLength).IsRequired();
        builder.Property(i => i.Content).IsRequired();
        builder.Property(i => i.Mapping).HasMaxLength(ContactImport.MappingMaxLength).IsRequired();
        builder.Ignore(i => i.Columns);
        builder.HasIndex(i => i.UploadedAt);
    }
}
