import Link from "@/components/portal-link";

export default function NotFound() {
  return (
    <div className="py-16 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">There is nothing at this address.</p>
      <Link href="/services" className="mt-4 inline-block text-teal-700 underline dark:text-teal-400">
        Back to the catalogue
      </Link>
    </div>
  );
}
