using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Application.PortalAccess;
using Portal.Domain.PortalAccess.Jobs;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class PortalAccessJobConfiguration : IEntityTypeConfiguration<PortalAccessJob>
{
    public void Configure(EntityTypeBuilder<PortalAccessJob> builder)
    {
        builder.ToTable("PortalAccessJobs");
        builder.Property(j => j.StartedBy).HasMaxLength(254).IsRequired();
        builder.Property(j => j.Selection).HasMaxLength(PortalAccessJob.SelectionMaxLength).IsRequired();
        builder.Property(j => j.WelcomeMessage).HasMaxLength(GrantPortalAccessValidator.WelcomeMessageMaxLength);
        builder.Ignore(j => j.Remaining);
        builder.Ignore(j => j.IsFinished);
        // The runner's "oldest unfinished job".
        builder.HasIndex(j => new { j.Status, j.Id });
    }
}

internal sealed class PortalAccessJobItemConfiguration : IEntityTypeConfiguration<PortalAccessJobItem>
{
    public void Configure(EntityTypeBuilder<PortalAccessJobItem> builder)
    {
        builder.ToTable("PortalAccessJobItems");
        builder.Property(i => i.Reason).HasMaxLength(PortalAccessJobItem.ReasonMaxLength);
        builder.HasOne(i => i.Job).WithMany().HasForeignKey(i => i.JobId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Contact).WithMany().HasForeignKey(i => i.ContactId).OnDelete(DeleteBehavior.Cascade);
        // The runner's next pending batch, and the results page's filter, both in row order.
        builder.HasIndex(i => new { i.JobId, i.Outcome, i.Id });
    }
}
