-- AlterEnum
ALTER TYPE "RevisionKind" ADD VALUE 'RESTORED';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "WorkflowAction" ADD VALUE 'CREATE';
ALTER TYPE "WorkflowAction" ADD VALUE 'CORRECTION';
ALTER TYPE "WorkflowAction" ADD VALUE 'CHANGE_ADDRESS';
ALTER TYPE "WorkflowAction" ADD VALUE 'PIN';
ALTER TYPE "WorkflowAction" ADD VALUE 'UNPIN';
ALTER TYPE "WorkflowAction" ADD VALUE 'SET_EMBARGO';
ALTER TYPE "WorkflowAction" ADD VALUE 'CLEAR_EMBARGO';
ALTER TYPE "WorkflowAction" ADD VALUE 'RESTORE_VERSION';
