import { useEffect, useState } from 'react'
import type { Member } from '../../group-api/index.ts'
import { useGroupClient } from '../../storage/group/index.ts'

/** The practice's members, for a "Person" filter; empty while loading or when it fails (the filter then offers "Everyone" only). */
export function usePeople(): Member[] {
  const client = useGroupClient()
  const [people, setPeople] = useState<Member[]>([])
  useEffect(() => {
    let current = true
    client.request('members').then(
      ({ members }) => { if (current) setPeople([...members].sort((a, b) => a.name.localeCompare(b.name))) },
      () => undefined,
    )
    return () => { current = false }
  }, [client])
  return people
}
