// Thin C shims over Linux system calls that Swift's Glibc module does not export
// (epoll, eventfd, accept4). Kept deliberately minimal: each function is a direct call.
#ifndef CLINUXSHIMS_H
#define CLINUXSHIMS_H

#include <stdint.h>

/// epoll_create1(EPOLL_CLOEXEC)
int csys_epoll_create(void);
/// epoll_ctl with a 64-bit user token; op: 1 = add, 2 = del, 3 = mod (EPOLL_CTL_*).
int csys_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t token);
/// epoll_wait filling parallel arrays (epoll_event is a packed struct Swift cannot import).
int csys_epoll_wait(int epfd, uint64_t *tokens, uint32_t *events, int max_events, int timeout_ms);

/// eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)
int csys_eventfd(void);
int csys_eventfd_signal(int fd);
int csys_eventfd_drain(int fd);

/// accept4(..., SOCK_NONBLOCK | SOCK_CLOEXEC)
int csys_accept(int fd);

/// CPUs this process may run on (sched_getaffinity), so `taskset` and cpusets are respected.
int csys_available_cores(void);

extern const uint32_t CSYS_EPOLLIN;
extern const uint32_t CSYS_EPOLLOUT;
extern const uint32_t CSYS_EPOLLERR;
extern const uint32_t CSYS_EPOLLHUP;
extern const uint32_t CSYS_EPOLLRDHUP;
extern const uint32_t CSYS_EPOLLET;
extern const uint32_t CSYS_EPOLLEXCLUSIVE;

#endif
