using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Adoption;
using Portal.Domain.Users;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class CustomerSignInWeekConfiguration : IEntityTypeConfiguration<CustomerSignInWeek>
{
    public void Configure(EntityTypeBuilder<CustomerSignInWeek> builder)
    {
        builder.ToTable("CustomerSignInWeeks");
        // The key is what "insert if absent" checks, and one company's customers' weeks are looked up by it.
        builder.HasKey(w => new { w.PortalUserId, w.WeekStart });
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(w => w.PortalUserId).OnDelete(DeleteBehavior.Cascade);
        // The whole portal's weeks are counted from this index alone.
        builder.HasIndex(w => w.WeekStart);
    }
}
