-- AlterEnum
ALTER TYPE "WorkflowAction" ADD VALUE 'RESCHEDULE';
