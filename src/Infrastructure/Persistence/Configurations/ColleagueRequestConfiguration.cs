using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.CompanyAccounts;
using Portal.Domain.Contacts;
using Portal.Domain.Users;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class ColleagueRequestConfiguration : IEntityTypeConfiguration<ColleagueRequest>
{
    public void Configure(EntityTypeBuilder<ColleagueRequest> builder)
    {
        builder.ToTable("ColleagueRequests");
        builder.Property(r => r.RequesterName).HasMaxLength(Contact.NameMaxLength).IsRequired();
        builder.Property(r => r.RequesterEmail).HasMaxLength(EmailAddress.MaxLength).IsRequired();
        builder.Property(r => r.RequesterLanguage).HasMaxLength(5).IsRequired();
        builder.Property(r => r.Name).HasMaxLength(Contact.NameMaxLength).IsRequired();
        builder.Property(r => r.Email).HasMaxLength(EmailAddress.MaxLength).IsRequired();
        builder.Property(r => r.Language).HasMaxLength(5).IsRequired();
        builder.Property(r => r.DecidedBy).HasMaxLength(254);
        builder.Property(r => r.RefusalReason).HasMaxLength(ColleagueRequest.ReasonMaxLength);
        builder.HasOne(r => r.Company).WithMany().HasForeignKey(r => r.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Contact).WithMany().HasForeignKey(r => r.ContactId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(r => r.RequestedByUserId).OnDelete(DeleteBehavior.SetNull);
        // The hourly limit counts a company's recent rows; the back-office list reads the waiting ones, oldest first.
        builder.HasIndex(r => new { r.CompanyId, r.RequestedAt });
        builder.HasIndex(r => new { r.Status, r.RequestedAt, r.Id });
    }
}
