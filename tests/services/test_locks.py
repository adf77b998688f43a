import threading
import time

from reelforge.services.locks import KeyedLocks


def test_a_key_is_forgotten_once_no_thread_holds_or_waits_for_it() -> None:
    locks = KeyedLocks()
    for key in range(1000):
        with locks.hold(f"session-{key}"):
            assert len(locks) == 1
    assert len(locks) == 0


def test_callers_of_one_key_run_one_at_a_time_and_the_key_is_kept_while_one_waits() -> None:
    locks = KeyedLocks()
    inside: list[int] = []
    most_inside = 0
    entered = threading.Event()

    def work() -> None:
        nonlocal most_inside
        with locks.hold("s"):
            entered.set()
            inside.append(1)
            most_inside = max(most_inside, len(inside))
            time.sleep(0.02)
            inside.pop()

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    entered.wait(5)
    assert len(locks) == 1
    for thread in threads:
        thread.join(5)
    assert most_inside == 1
    assert len(locks) == 0


def test_different_keys_do_not_wait_for_each_other() -> None:
    locks = KeyedLocks()
    with locks.hold("a"):
        done = threading.Event()

        def other() -> None:
            with locks.hold("b"):
                done.set()

        thread = threading.Thread(target=other)
        thread.start()
        assert done.wait(5)
        thread.join(5)
        assert len(locks) == 1


def test_an_error_inside_still_releases_and_forgets_the_key() -> None:
    locks = KeyedLocks()
    try:
        with locks.hold("s"):
            raise ValueError("boom")
    except ValueError:
        pass
    assert len(locks) == 0
    with locks.hold("s"):
        pass
