"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest } from "@/components/forms/api-client";
import { buttonClass, FormError, inputClass, secondaryButtonClass } from "@/components/forms/field";
import type { TeamMember } from "@/lib/teams/list-members";

/** A team's members; maintainers and admins can add people by email, change roles and remove them. */
export function MemberManager({ teamSlug, members, canManage }: { teamSlug: string; members: TeamMember[]; canManage: boolean }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<"member" | "maintainer">("member");
  const [error, setError] = useState<string | null>(null);
  const onError = (failure: Error) => setError(failure.message);
  const onSuccess = () => {
    setError(null);
    setEmail("");
    router.refresh();
  };
  const setMember = useMutation({
    mutationFn: (input: { email: string; role: string }) => apiRequest("PUT", `/api/v1/teams/${teamSlug}/members`, input),
    onSuccess,
    onError,
  });
  const remove = useMutation({
    mutationFn: (memberEmail: string) => apiRequest("DELETE", `/api/v1/teams/${teamSlug}/members/${encodeURIComponent(memberEmail)}`),
    onSuccess,
    onError,
  });

  return (
    <div className="space-y-3">
      {members.length ? (
        <table className="w-full text-sm" aria-label="Members">
          <tbody>
            {members.map((member) => (
              <tr key={`${member.email ?? member.name}-${member.since}`} className="border-t border-slate-100 dark:border-slate-800">
                <td className="py-1.5">
                  {member.name} <span className="text-slate-600 dark:text-slate-400">{member.email}</span>
                </td>
                <td>
                  {canManage && member.email ? (
                    <select
                      aria-label={`Role of ${member.email}`}
                      className={`${inputClass} w-36`}
                      value={member.role}
                      onChange={(event) => setMember.mutate({ email: member.email!, role: event.target.value })}
                    >
                      <option value="member">member</option>
                      <option value="maintainer">maintainer</option>
                    </select>
                  ) : (
                    member.role
                  )}
                </td>
                {canManage && (
                  <td className="text-right">
                    {member.email && (
                      <button type="button" className={secondaryButtonClass} onClick={() => remove.mutate(member.email!)}>
                        Remove
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">No members yet.</p>
      )}
      {canManage && (
        <form
          aria-label="Add a member"
          className="flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            setMember.mutate({ email, role });
          }}
        >
          <label className="text-sm">
            Email
            <input type="email" required className={`${inputClass} w-64`} value={email} onChange={(event) => setEmail(event.target.value)} />
          </label>
          <label className="text-sm">
            Role
            <select className={`${inputClass} w-36`} value={role} onChange={(event) => setRole(event.target.value as "member" | "maintainer")}>
              <option value="member">member</option>
              <option value="maintainer">maintainer</option>
            </select>
          </label>
          <button type="submit" className={buttonClass} disabled={setMember.isPending}>
            Add member
          </button>
        </form>
      )}
      <FormError message={error} />
    </div>
  );
}
